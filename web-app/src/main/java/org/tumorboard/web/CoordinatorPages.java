package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.tumorboard.events.Vocabulary;
import org.tumorboard.web.IntakeViews.CasePage;
import org.tumorboard.web.IntakeViews.CaseView;
import org.tumorboard.web.IntakeViews.Referred;
import org.tumorboard.web.IntakeViews.Site;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The coordinator's screens (issue #12, screen 1): the site's cases, a case page with its timeline, and the referral
 * form. Every read and write goes to intake-service with the user's own token, so roles and site scoping are the
 * service's: a spoke coordinator asking for another site's case gets intake's 404 and sees "no such case".
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class CoordinatorPages {

    static final String SERVICE = IntakeApi.SERVICE;

    static final List<String> STATUSES = Vocabulary.Intake.CASE_STATUSES;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Viewer viewer);

        static native TemplateInstance cases(Viewer viewer, CasePage page, CaseSearch search, List<String> statuses,
                Map<String, String> siteNames, String error);

        static native TemplateInstance caseView(Viewer viewer, CaseView view, String error);

        static native TemplateInstance referral(Viewer viewer, List<String> sites, Map<String, String> values,
                Map<String, String> errors, String problem, boolean askSecondCase, UUID openCase, Map<String, String> siteNames,
                ReferralForm.Choices choices);

        static native TemplateInstance referred(Viewer viewer, Referred referred);

    }

    @Inject
    Viewer viewer;

    @Inject
    IntakeApi intake;

    @Inject
    Network network;

    @GET
    public TemplateInstance home() {
        return Templates.home(viewer);
    }

    @GET
    @Path("cases")
    public Response cases(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("site") String site,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page) {
        CaseSearch search = CaseSearch.of(q, status, viewer.hub() ? site : null, from, to, page, STATUSES);
        Map<String, String> sites = network.names();
        return switch (intake.cases(search)) {
            case Answer.Value<CasePage> cases -> page(200, Templates.cases(viewer, cases.value(), search, STATUSES, sites, null));
            case Answer.Refused<CasePage> refused when refused.status() == 403 ->
                page(403, Templates.cases(viewer, null, search, STATUSES, sites, "Your role does not show the case list."));
            case Answer.Refused<CasePage> refused when refused.status() == 400 ->
                page(400, Templates.cases(viewer, null, search, STATUSES, sites, "The search cannot be used: "
                        + refused.say(SERVICE)));
            case Answer<CasePage> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.cases(viewer, null, search, STATUSES, sites, Answers.unavailable(SERVICE)));
        };
    }

    @GET
    @Path("cases/{caseId}")
    public Response caseView(@PathParam("caseId") String caseId) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return page(404, Templates.caseView(viewer, null, "There is no such case."));
        }
        return switch (intake.caseView(id)) {
            case Answer.Value<CaseView> view -> page(200, Templates.caseView(viewer, view.value(), null));
            case Answer.NotFound<CaseView> notFound -> page(404, Templates.caseView(viewer, null,
                    "There is no such case, or it is not one of your site's cases. Check the link, or find the case in the list."));
            case Answer.Refused<CaseView> refused when refused.status() == 403 ->
                page(403, Templates.caseView(viewer, null, "Your role does not show case details."));
            case Answer<CaseView> failed -> page(failed instanceof Answer.NotAnswering<?> n ? n.pageStatus() : 502,
                    Templates.caseView(viewer, null, Answers.unavailable(SERVICE)));
        };
    }

    @GET
    @Path("referrals/new")
    public Response referralForm() {
        Map<String, String> values = new LinkedHashMap<>();
        if (!viewer.hub() && viewer.site() != null) {
            values.put("referringSite", viewer.site());
        }
        values.put("neoadjuvantConsidered", "false");
        return page(200, Templates.referral(viewer, sites(), values, Map.of(), null, false, null, network.names(),
                ReferralForm.CHOICES));
    }

    @POST
    @Path("referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refer(MultivaluedMap<String, String> form) {
        Map<String, String> values = ReferralForm.values(form);
        Map<String, String> errors = ReferralForm.check(values);
        if (!errors.isEmpty()) {
            return page(400, Templates.referral(viewer, sites(), values, errors,
                    "Nothing was sent. " + (errors.size() == 1 ? "One answer needs" : errors.size() + " answers need")
                            + " changing: see the message next to " + (errors.size() == 1 ? "it." : "each."),
                    false, null, network.names(), ReferralForm.CHOICES));
        }
        return switch (intake.refer(ReferralForm.body(values))) {
            case Answer.Value<Referred> referred -> page(201, Templates.referred(viewer, referred.value()));
            case Answer<Referred> refused -> {
                Map<String, String> fromServer = refused.fieldErrors();
                boolean secondCase = refused.status() == 409 && fromServer.containsKey("confirmSecondOpenCase");
                List<UUID> open = refused.problem() == null || refused.problem().openCases() == null ? List.of()
                        : refused.problem().openCases();
                yield page(refused.status(), Templates.referral(viewer, sites(), values, fromServer, refused.notSaved(SERVICE),
                        secondCase, open.isEmpty() ? null : open.get(0), network.names(), ReferralForm.CHOICES));
            }
        };
    }

    /** The site codes this user may refer for: every site for the hub, their own for a spoke. */
    private List<String> sites() {
        List<String> codes = new ArrayList<>();
        for (Site s : intake.sites() instanceof Answer.Value<List<Site>> sites ? sites.value() : List.<Site>of()) {
            if (viewer.hub() || s.code().equals(viewer.site())) {
                codes.add(s.code());
            }
        }
        return codes;
    }
}
