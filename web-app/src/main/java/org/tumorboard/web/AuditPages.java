package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The auditor's screen: each service's audit trail (who did what to which case, when, from which site, whether
 * identity went out), filtered by case, user and time, paged as the service pages it, and exported as CSV for a
 * review. The services decide who may read it (the auditor's role); this page only asks with the auditor's token.
 */
@Path("/audit")
@Authenticated
public class AuditPages {

    /** The services whose trails the auditor reads, in the order the screen offers them. */
    static final List<String> SERVICES = List.of("intake", "pathology", "staging", "board");
    static final int PAGE_SIZE = 50;
    static final int EXPORT_PAGE = 500;
    static final int EXPORT_PAGES = 20;

    public record Entry(UUID id, Instant recordedAt, String actor, String roles, String site, String action, String method,
            String path, UUID caseId, String outcome, int status, boolean identityDisclosed, String detail) {
    }

    public record Trail(List<Entry> items, int page, int size, long total) implements Paged {
    }

    /** The filters as the auditor set them; {@link #link(int)} keeps them across pages and for the export. */
    public record Filter(String service, String caseId, String user, String from, String to) {

        public String link(int number) {
            return "/audit?" + query() + (number > 1 ? "&page=" + number : "");
        }

        /** The filters as a form's values, to fill the search form again. */
        public Map<String, String> asValues() {
            Map<String, String> values = new LinkedHashMap<>();
            if (caseId != null) {
                values.put("caseId", caseId);
            }
            if (user != null) {
                values.put("user", user);
            }
            if (from != null) {
                values.put("from", from);
            }
            if (to != null) {
                values.put("to", to);
            }
            return values;
        }

        public String pageHref() {
            return "/audit?" + query() + "&page=";
        }

        public String export() {
            return "/audit/export.csv?" + query();
        }

        private String query() {
            StringBuilder q = new StringBuilder("service=" + service);
            Map<String, String> more = new LinkedHashMap<>();
            more.put("caseId", caseId);
            more.put("user", user);
            more.put("from", from);
            more.put("to", to);
            more.forEach((k, v) -> {
                if (v != null) {
                    q.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            return q.toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Viewer viewer, Filter filter, List<String> services, Trail trail,
                Map<String, String> errors, String error);
    }

    @Inject
    Viewer viewer;

    @Inject
    SecurityIdentity identity;

    private final Map<String, AuditClient> clients = new LinkedHashMap<>();

    @Inject
    AuditPages(@ConfigProperty(name = "quarkus.rest-client.intake.url") String intake,
            @ConfigProperty(name = "quarkus.rest-client.pathology.url") String pathology,
            @ConfigProperty(name = "quarkus.rest-client.staging.url") String staging,
            @ConfigProperty(name = "quarkus.rest-client.board.url") String board) {
        Map<String, String> urls = Map.of("intake", intake, "pathology", pathology, "staging", staging, "board", board);
        for (String service : SERVICES) {
            clients.put(service, QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(urls.get(service)))
                    .build(AuditClient.class));
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response trail(@QueryParam("service") String service, @QueryParam("caseId") String caseId,
            @QueryParam("user") String user, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page) {
        Filter filter = filter(service, caseId, user, from, to);
        if (!viewer.is("auditor")) {
            return page(403, Templates.audit(viewer, filter, SERVICES, null, Map.of(), "The audit trail is for auditors."));
        }
        int number = 1;
        try {
            number = page == null ? 1 : Math.max(1, Math.min(1_000_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            number = 1;
        }
        int pageIndex = number - 1;
        Answer<Trail> answer = Answer.call(() -> clients.get(filter.service()).search(Bearer.of(identity), filter.caseId(),
                filter.user(), filter.from(), filter.to(), pageIndex, PAGE_SIZE), 200, Trail.class);
        return switch (answer) {
            case Answer.Value<Trail> trail -> page(200, Templates.audit(viewer, filter, SERVICES, trail.value(), Map.of(), null));
            case Answer.Refused<Trail> refused when refused.status() == 400 -> page(400, Templates.audit(viewer, filter, SERVICES,
                    null, refused.fieldErrors(), "The search cannot be used: " + refused.say(filter.service() + "-service")));
            case Answer<Trail> failed -> page(failed.status() == 403 ? 403 : 502, Templates.audit(viewer, filter, SERVICES, null,
                    Map.of(), failed.status() == 403 ? "The audit trail is for auditors." : Answers.unavailable(filter.service() + "-service")));
        };
    }

    /** The filtered trail as CSV, up to 10,000 records, oldest rows as the service orders them; for a review offline. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("service") String service, @QueryParam("caseId") String caseId,
            @QueryParam("user") String user, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (!viewer.is("auditor")) {
            return Response.status(403).type(MediaType.TEXT_PLAIN).entity("The audit trail is for auditors.\n").build();
        }
        Filter filter = filter(service, caseId, user, from, to);
        StringBuilder csv = new StringBuilder("recordedAt,actor,roles,site,action,method,path,caseId,outcome,status,identityDisclosed,detail\n");
        String bearer = Bearer.of(identity);
        for (int p = 0; p < EXPORT_PAGES; p++) {
            int pageIndex = p;
            Answer<Trail> answer = Answer.call(() -> clients.get(filter.service()).search(bearer, filter.caseId(), filter.user(),
                    filter.from(), filter.to(), pageIndex, EXPORT_PAGE), 200, Trail.class);
            if (!(answer instanceof Answer.Value<Trail> trail)) {
                return Response.status(answer.status() == 400 ? 400 : 502).type(MediaType.TEXT_PLAIN)
                        .entity(answer.say(filter.service() + "-service") + "\n").build();
            }
            if (trail.value().total() > (long) EXPORT_PAGE * EXPORT_PAGES) {
                // A partial export would read as the whole trail: the auditor narrows it instead.
                return Response.status(400).type(MediaType.TEXT_PLAIN).entity("The search finds " + trail.value().total()
                        + " records, more than the " + EXPORT_PAGE * EXPORT_PAGES
                        + " an export holds: narrow it by dates, case or user and export each part.\n").build();
            }
            for (Entry e : trail.value().items()) {
                csv.append(Csv.row(e.recordedAt(), e.actor(), e.roles(), e.site(), e.action(), e.method(), e.path(), e.caseId(),
                        e.outcome(), e.status(), e.identityDisclosed(), e.detail()));
            }
            if (!trail.value().hasNext()) {
                break;
            }
        }
        return Response.ok(csv.toString()).header("Content-Disposition",
                "attachment; filename=\"audit-" + filter.service() + ".csv\"").header("Cache-Control", "no-store").build();
    }

    private static Filter filter(String service, String caseId, String user, String from, String to) {
        return new Filter(SERVICES.contains(service) ? service : SERVICES.get(0), blankToNull(caseId), blankToNull(user),
                blankToNull(from), blankToNull(to));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
