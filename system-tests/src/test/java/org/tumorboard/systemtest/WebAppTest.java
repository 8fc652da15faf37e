package org.tumorboard.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The web app (#12) on the running stack, through HTTP as a browser does it without running scripts: sign-in through
 * Keycloak's login page (authorization code with PKCE), the coordinator's list, referral and case page, a refused
 * referral shown field by field, another site's case out of reach, and sign-out.
 */
@Order(2)
class WebAppTest {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("\"X-CSRF-Token\": \"([A-Za-z0-9_-]+)\"");
    private static final Pattern CASE_LINK = Pattern.compile("href=\"/cases/([0-9a-f-]{36})\"");

    /**
     * A cookie jar that, like a browser, treats http://127.0.0.1 as a secure context: Keycloak marks its login cookies
     * {@code Secure}, which Java's CookieManager would otherwise never send back over http.
     */
    static final class LocalCookies extends CookieManager {
        LocalCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
            Map<String, java.util.List<String>> local = new LinkedHashMap<>();
            headers.forEach((name, values) -> local.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
            super.put(uri, local);
        }
    }

    /** A browser's cookie jar and redirects, signed in as the demo user. */
    static final class Browser {
        final CookieManager cookies = new LocalCookies();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        final String base = SystemStack.get().webUrl();

        Browser signIn(String user) {
            HttpResponse<String> home = signingIn(user);
            assertEquals(200, home.statusCode(), home.body());
            return this;
        }

        /** The first page of the app after Keycloak's login form, whatever it answers. */
        HttpResponse<String> signingIn(String user) {
            HttpResponse<String> login = get("/");
            Matcher form = LOGIN_FORM.matcher(login.body());
            assertTrue(form.find(), "Keycloak's login page: " + login.uri());
            HttpResponse<String> home = postAsIs(form.group(1).replace("&amp;", "&"), Map.of("username", user, "password", user));
            assertTrue(home.uri().toString().startsWith(base), "back in the app: " + home.uri());
            return home;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET().build());
        }

        /** Posts the form as the page's own form does: with this session's CSRF token in its hidden field. */
        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.put("_csrf", csrfToken());
            return postAsIs(path, withToken);
        }

        /** This session's CSRF token, as every page declares it for htmx (issue 24). */
        String csrfToken() {
            Matcher token = CSRF_HEADER.matcher(get("/").body());
            assertTrue(token.find(), "the page declares the CSRF header");
            return token.group(1);
        }

        HttpResponse<String> postAsIs(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** The form as a coordinator fills it, for a new patient of the identity sweep (NoPatientIdentityTest). */
    static Map<String, String> referral(String site, Patients.Identity patient) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("referringSite", site);
        form.put("patient.mrn", patient.mrn());
        form.put("patient.givenName", patient.givenName());
        form.put("patient.familyName", patient.familyName());
        form.put("patient.birthDate", patient.birthDate().toString());
        form.put("patient.sex", "FEMALE");
        form.put("clinicalQuestion", "Retroperitoneal mass, fat-containing");
        form.put("neoadjuvantConsidered", "true");
        form.put("imaging.ctAbdomenPelvisDate", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString());
        form.put("imaging.chestImaging.modality", "CT");
        form.put("imaging.chestImaging.date", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString());
        form.put("imaging.greatestDimensionCm", "18.5");
        form.put("imaging.side", "LEFT");
        return form;
    }

    /**
     * Issue 24, item 3: a user whose account gives two sites is stopped at the first page, told why, and shown nothing of
     * either site; the same user's colleague with one site signs in as usual.
     */
    @Test
    void aUserGivenTwoSitesIsStoppedAtSignInWithWhatToDo() {
        String twoSites = KeycloakAdmin.user("two-sites-web-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                java.util.List.of("coordinator"), java.util.List.of("/site-SPOKE-NORTH", "/site-SPOKE-SOUTH"), Map.of());
        Browser browser = new Browser();
        HttpResponse<String> first = browser.signingIn(twoSites);
        assertEquals(403, first.statusCode(), first.body());
        assertTrue(first.body().contains("Your account needs correcting") && first.body().contains("SPOKE-NORTH")
                && first.body().contains("SPOKE-SOUTH"), first.body());
        HttpResponse<String> cases = browser.get("/cases");
        assertEquals(403, cases.statusCode());
        assertFalse(cases.body().contains("/cases/"), "no case of either site");
    }

    /** Issue 24, item 3: an account whose one site is not a site of the network is stopped too, as every service stops it. */
    @Test
    void aUserOfASiteOutsideTheNetworkIsStoppedAtSignIn() {
        String atlantis = KeycloakAdmin.user("atlantis-web-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                java.util.List.of("coordinator"), java.util.List.of(), Map.of("site", java.util.List.of("SPOKE-ATLANTIS")));
        Browser browser = new Browser();
        HttpResponse<String> first = browser.signingIn(atlantis);
        assertEquals(403, first.statusCode(), first.body());
        assertTrue(first.body().contains("Your account needs correcting") && first.body().contains("SPOKE-ATLANTIS")
                && first.body().contains("not a site of this network"), first.body());
        assertEquals(403, browser.get("/cases").statusCode());
    }

    @Test
    void signingInUsesTheAuthorizationCodeWithPkceAndTheBrowserGetsNoToken() throws IOException, InterruptedException {
        HttpClient noRedirects = HttpClient.newHttpClient();
        HttpResponse<String> r = noRedirects.send(HttpRequest.newBuilder(URI.create(SystemStack.get().webUrl() + "/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(SystemStack.get().keycloakUrl() + "/realms/tumorboard/protocol/openid-connect/auth"), location);
        assertTrue(location.contains("response_type=code") && location.contains("code_challenge_method=S256")
                && location.contains("client_id=tumorboard-web"), location);

        Browser browser = new Browser().signIn("coord-north");
        HttpResponse<String> cases = browser.get("/cases");
        assertFalse(cases.body().contains("eyJ"), "no token in the page");
        // The app's cookies (Keycloak's own, on its realm path, are Keycloak's SSO session, not the app's).
        java.util.List<java.net.HttpCookie> appCookies = browser.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getPath() == null || !c.getPath().startsWith("/realms/")).toList();
        assertTrue(appCookies.stream().anyMatch(c -> c.getName().startsWith("q_session")), "a session cookie: " + appCookies);
        appCookies.forEach(c -> {
            assertFalse(c.getValue().startsWith("eyJ") && c.getValue().split("\\.").length == 3, c.getName() + " holds a plain JWT");
            if (c.getName().startsWith("q_session")) {
                assertTrue(c.isHttpOnly(), c.getName() + " is HttpOnly");
            }
        });
    }

    /**
     * Behind the ingress that ends TLS (issue 24): the app follows its X-Forwarded-* headers, so the sign-in redirect comes
     * back to https://, and its cookies are Secure; an htmx request without a session is told so (499, the page reloads
     * into the sign-in), not redirected to a login page it cannot follow.
     */
    @Test
    void behindTheIngressRedirectsAreHttpsCookiesSecureAndAnHtmxRequestIsToldToSignIn() throws IOException, InterruptedException {
        HttpClient noRedirects = HttpClient.newHttpClient();
        HttpResponse<String> r = noRedirects.send(HttpRequest.newBuilder(URI.create(SystemStack.get().webUrl() + "/cases"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "board.hospital.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("redirect_uri=" + URLEncoder.encode("https://board.hospital.example/cases", StandardCharsets.UTF_8)),
                location);
        java.util.List<String> cookies = r.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty(), "the sign-in's state cookie");
        cookies.forEach(c -> assertTrue(c.matches("(?i).*;\\s*Secure(;.*|$)"), "Secure: " + c));

        HttpResponse<String> htmx = noRedirects.send(HttpRequest.newBuilder(URI.create(SystemStack.get().webUrl() + "/cases"))
                .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(499, htmx.statusCode(), "not a redirect the script cannot follow");
        assertTrue(new Browser().get("/static/session.js").body().contains("499"), "the page reloads on it");
    }

    @Test
    void aCoordinatorRefersACaseSeesTheBiopsyIndicationAndOpensTheCasePage() {
        Browser browser = new Browser().signIn("coord-north");
        HttpResponse<String> list = browser.get("/cases");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("Cases of North Regional Hospital"), list.body());
        // A page that can show identity is never cached, runs only the web app's own scripts and styles, is never framed.
        String policy = list.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("style-src 'self'") && policy.contains("frame-ancestors 'none'"),
                policy);
        assertEquals("DENY", list.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", list.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", list.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("no-store", list.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> form = browser.get("/referrals/new");
        assertTrue(form.body().contains("<label for=\"patient.mrn\">MRN"), "labelled inputs");

        Patients.Identity patient = Patients.next();
        String mrn = patient.mrn();
        HttpResponse<String> referred = browser.post("/referrals", referral("SPOKE-NORTH", patient));
        assertEquals(201, referred.statusCode(), referred.body());
        assertTrue(referred.body().contains("Referral received") && referred.body().contains("A biopsy is indicated"), referred.body());
        Matcher link = CASE_LINK.matcher(referred.body());
        assertTrue(link.find());
        HttpResponse<String> page = browser.get("/cases/" + link.group(1));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(mrn) && page.body().contains("Timeline") && page.body().contains("North Regional Hospital"), page.body());
    }

    @Test
    void aRefusedReferralIsShownFieldByFieldWithTheValuesKept() {
        Browser browser = new Browser().signIn("coord-north");
        Patients.Identity patient = Patients.next();
        Map<String, String> form = referral("SPOKE-NORTH", patient);
        form.put("patient.birthDate", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        HttpResponse<String> refused = browser.post("/referrals", form);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"patient.birthDate-error\""), refused.body());
        assertTrue(refused.body().contains("aria-invalid=\"true\""), refused.body());
        assertTrue(refused.body().contains("value=\"" + patient.givenName() + "\""), "the values are kept");
    }

    @Test
    void aSpokeCoordinatorCannotReachAnotherSitesCaseThroughAnyScreen() {
        Browser north = new Browser().signIn("coord-north");
        Patients.Identity patient = Patients.next();
        Matcher link = CASE_LINK.matcher(north.post("/referrals", referral("SPOKE-NORTH", patient)).body());
        assertTrue(link.find());
        String northCase = link.group(1);

        Browser south = new Browser().signIn("coord-south");
        HttpResponse<String> page = south.get("/cases/" + northCase);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("no such case"), page.body());
        assertFalse(page.body().contains(patient.mrn()) || page.body().contains(patient.familyName()), page.body());
        assertFalse(south.get("/cases").body().contains(northCase), "not in south's list");
        HttpResponse<String> refused = south.post("/referrals", referral("SPOKE-NORTH", Patients.next()));
        assertEquals(403, refused.statusCode(), refused.body());
    }

    /**
     * CSRF (issue 24): a state-changing request without this session's token, or with another session's (the same user
     * signed in elsewhere), is refused and stores nothing; the same form with the session's token goes through.
     */
    @Test
    void aFormPostedWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        Browser browser = new Browser().signIn("coord-north");
        Browser elsewhere = new Browser().signIn("coord-north");
        Map<String, String> form = referral("SPOKE-NORTH", Patients.next());

        HttpResponse<String> none = browser.postAsIs("/referrals", form);
        assertEquals(403, none.statusCode(), none.body());
        assertTrue(none.body().contains("nothing was changed"), none.body());
        Map<String, String> foreign = new LinkedHashMap<>(form);
        foreign.put("_csrf", elsewhere.csrfToken());
        assertFalse(foreign.get("_csrf").equals(browser.csrfToken()), "two sessions, two tokens");
        HttpResponse<String> other = browser.postAsIs("/referrals", foreign);
        assertEquals(403, other.statusCode(), other.body());
        // the chair's decision, a POST with no body at all: refused by the CSRF check, not by a role
        Browser chair = new Browser().signIn("chair");
        HttpResponse<String> forged = chair.send(HttpRequest.newBuilder(URI.create(chair.base + "/board/cases/"
                + java.util.UUID.randomUUID() + "/decision")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("nothing was changed") && forged.headers().firstValue("X-CSRF-Refused").isPresent(), forged.body());

        // Nothing was stored: the first referral of this patient is still to come (not a 409 for a second open case).
        HttpResponse<String> referred = browser.post("/referrals", form);
        assertEquals(201, referred.statusCode(), referred.body());
    }

    @Test
    void signingOutEndsTheSession() {
        Browser browser = new Browser().signIn("coord-north");
        // A copy of the session cookie (a shared workstation, a proxy's log) works while the session lasts...
        Browser copy = new Browser();
        browser.cookies.getCookieStore().getCookies().forEach(c -> copy.cookies.getCookieStore().add(URI.create(browser.base), c));
        assertTrue(copy.get("/cases").body().contains("Cases of North Regional Hospital"), "the copy is signed in");
        HttpResponse<String> out = browser.get("/logout");
        assertTrue(out.body().contains("You have signed out"), out.body());
        HttpResponse<String> again = browser.get("/cases");
        assertTrue(LOGIN_FORM.matcher(again.body()).find(), "back to Keycloak's login page");
        // ...and not after the sign-out: the signed-out page, no case list, no identity.
        HttpResponse<String> stolen = copy.get("/cases");
        assertFalse(stolen.body().contains("Cases of") || stolen.body().contains("SYS-"), stolen.body());
        assertTrue(stolen.body().contains("You have signed out") || LOGIN_FORM.matcher(stolen.body()).find(), stolen.body());
    }

    /**
     * pathology-service stopped: the pathologist's worklist says it is not answering and that nothing was lost; the hub
     * dashboard still shows what intake and board answer, and names the part that is missing. Restarted, all is back.
     */
    @Test
    void whenAServiceIsDownTheScreensSaySoAndTheRestStillWorks() {
        Browser patho = new Browser().signIn("patho");
        Browser chair = new Browser().signIn("chair");
        assertTrue(chair.get("/dashboard").body().contains("R0 resection rate"));
        StackProcess pathology = SystemStack.get().process("pathology-service");
        pathology.stop(Duration.ofSeconds(10));
        try {
            HttpResponse<String> worklist = patho.get("/pathology");
            assertEquals(503, worklist.statusCode());
            assertTrue(worklist.body().contains("pathology-service is not answering. Nothing was lost"), worklist.body());
            HttpResponse<String> dashboard = chair.get("/dashboard");
            assertEquals(200, dashboard.statusCode());
            assertTrue(dashboard.body().contains("pathology-service (R0 rate) is not answering"), dashboard.body());
            assertTrue(dashboard.body().contains("Cases by status") && dashboard.body().contains("Days from referral to board decision"),
                    "intake's and board's parts are still there");
            assertFalse(dashboard.body().contains("R0 resection rate"));
        } finally {
            pathology.start().awaitReady(Duration.ofMinutes(2));
        }
        assertEquals(200, patho.get("/pathology").statusCode());
        assertTrue(chair.get("/dashboard").body().contains("R0 resection rate"));
    }
}
