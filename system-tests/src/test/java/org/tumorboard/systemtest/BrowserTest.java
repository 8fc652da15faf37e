package org.tumorboard.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app (#12) in a real browser: Debian's headless Chromium, driven through chromedriver. Each user signs in on
 * Keycloak's page and does their task through the screens; a screenshot of each screen is saved in
 * {@code system-tests/target/screenshots} (a build artifact).
 */
@Order(2)
class BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    private WebDriver browser;
    /** Every browser a test opened, the second member's too: all are closed after the test, whatever happened. */
    private final java.util.List<WebDriver> opened = new java.util.ArrayList<>();

    private WebDriver open(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--user-data-dir=" + tempDir());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))).build();
        browser = new ChromeDriver(service, options);
        opened.add(browser);
        return browser;
    }

    /** Every screen below is used on a stack holding thousands of cases besides the tests' own. */
    @BeforeAll
    static void seed() throws Exception {
        SeededCases.ensure();
    }

    @AfterEach
    void close() {
        for (WebDriver b : opened) {
            try {
                b.quit();
            } catch (RuntimeException alreadyClosed) {
                // quit() before the end of the test
            }
        }
        opened.clear();
    }

    private void signIn(String user) {
        browser.get(SystemStack.get().webUrl() + "/");
        waitFor(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(SystemStack.get().webUrl()));
    }

    @Test
    void aCoordinatorRefersACaseThroughTheScreens() {
        open(1280, 900);
        signIn("coord-north");
        shot("coordinator-home");
        browser.get(SystemStack.get().webUrl() + "/referrals/new");
        Patients.Identity patient = Patients.next();
        Map<String, String> text = Map.of("patient.mrn", patient.mrn(), "patient.givenName", patient.givenName(),
                "patient.familyName", patient.familyName(), "clinicalQuestion", "Large retroperitoneal mass",
                "imaging.greatestDimensionCm", "500");
        text.forEach((id, value) -> browser.findElement(By.id(id)).sendKeys(value));
        date("patient.birthDate", patient.birthDate());
        date("imaging.ctAbdomenPelvisDate", LocalDate.now(ZoneOffset.UTC).minusDays(2));
        date("imaging.chestImaging.date", LocalDate.now(ZoneOffset.UTC).minusDays(2));
        choose("referringSite", "SPOKE-NORTH");
        choose("patient.sex", "FEMALE");
        choose("neoadjuvantConsidered", "true");
        choose("imaging.chestImaging.modality", "CT");
        // Organs ticked from the list: two organs, not the three codes a typed "left kidney, colon" used to become.
        browser.findElement(By.cssSelector("input[name='imaging.organsAbutted'][value=KIDNEY_LEFT]")).click();
        browser.findElement(By.cssSelector("input[name='imaging.organsAbutted'][value=COLON_DESCENDING]")).click();
        // Checked as typed: 500 cm is out of the field's range before anything is sent.
        assertEquals(Boolean.FALSE, js("return document.getElementById('imaging.greatestDimensionCm').validity.valid"));
        shot("referral-form-invalid-size");
        WebElement size = browser.findElement(By.id("imaging.greatestDimensionCm"));
        size.clear();
        size.sendKeys("22");
        assertEquals(Boolean.TRUE, js("return document.querySelector('form.referral').checkValidity()"));
        shot("referral-form");
        browser.findElement(By.cssSelector("form.referral button[type=submit]")).click();
        waitForText("Referral received");
        assertTrue(browser.getPageSource().contains("A biopsy is indicated"));
        shot("referral-received");
        browser.findElement(By.linkText("Open the case")).click();
        waitForText("Timeline");
        assertTrue(browser.getPageSource().contains(patient.mrn()));
        assertTrue(browser.getPageSource().contains("left kidney, descending colon"), "the organs ticked, in words");
        shot("case-page");
        browser.get(SystemStack.get().webUrl() + "/cases");
        waitForText("Cases of North Regional Hospital");
        shot("cases");
        atTabletWidth("Cases of North Regional Hospital");
        shot("cases-tablet");
        // Pages with identity are not kept in the browser's storage (htmx's history cache is off).
        assertEquals(Boolean.TRUE, js("return window.localStorage.getItem('htmx-history-cache') === null"),
                "no page kept in localStorage");
        // The coordinator finds the patient by family name: name, MRN and birth date in the list, the case one click away.
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.findElement(By.id("q")).sendKeys(patient.familyName());
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waitForText("1 case</caption>");
        assertEquals(1, browser.findElements(By.cssSelector("table.stacked tbody tr")).size(), "one patient found");
        assertTrue(browser.getPageSource().contains(patient.familyName() + ", " + patient.givenName()));
        shot("cases-found-by-name");
    }

    /** The hub's list pages through a search's results in SQL, keeping the search from page to page, at phone width too. */
    @Test
    void theHubsCaseListPagesThroughASearch() {
        String family = "Pagina" + Patients.next().familyName();
        for (int i = 0; i < 27; i++) {
            Patients.Identity p = Patients.next();
            Api.as("coord-hub", SystemStack.Service.INTAKE)
                    .body(Patients.referral(i % 2 == 0 ? "SPOKE-SOUTH" : "HUB",
                            new Patients.Identity(p.mrn(), p.givenName(), family, p.birthDate()), 8.0))
                    .post("/api/referrals").then().statusCode(201);
        }
        open(1280, 900);
        signIn("coord-hub");
        // Every case of the network, a page at a time, to the last page and back to the first.
        if (SeededCases.COUNT >= 100) { // -Dstack.seed under 100: too few cases to page through
            browser.get(web("/cases"));
            waitForText("cases: 1 to 25, newest referral first");
            String caption = browser.findElement(By.cssSelector("table.stacked caption")).getText();
            long total = Long.parseLong(caption.substring(0, caption.indexOf(' ')));
            assertTrue(total >= SeededCases.COUNT + 27, "the seeded cases and the tests' own are listed: " + caption);
            long pages = (total + 24) / 25;
            browser.findElement(By.linkText("Last page")).click();
            waitForText("Page " + pages + " of " + pages);
            assertEquals(total - (pages - 1) * 25, browser.findElements(By.cssSelector("table.stacked tbody tr")).size(), "the last page's rows");
            shot("cases-last-page");
            browser.findElement(By.linkText("First page")).click();
            waitForText("Page 1 of " + pages);
        }

        browser.get(web("/cases?q=" + family.toLowerCase()));
        waitForText("27 cases: 1 to 25");
        shot("cases-search-page-1");
        browser.findElement(By.linkText("Next page")).click();
        waitForText("Page 2 of 2");
        assertEquals(2, browser.findElements(By.cssSelector("table.stacked tbody tr")).size(), "the last two on page 2");
        assertTrue(browser.getCurrentUrl().contains("q=" + family.toLowerCase()), "the search is kept: " + browser.getCurrentUrl());
        choose("site", "SPOKE-SOUTH");
        waitForText("14 cases");
        shot("cases-search-filtered-by-site");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waitForText("14 cases");
        assertNoSidewaysScrolling("cases at phone width");
        shot("cases-phone");
    }


    /**
     * One case through every clinician's screens: the pathologist signs out the biopsy report and sees the grade as the
     * form is filled; five disciplines vote (one dissents) and the chair decides; the resection report shows the miss
     * chance and is amended; the nurse records a visit; the hub dashboard shows the figures.
     */
    @Test
    void aCaseThroughThePathologistBoardNurseAndDashboardScreens() {
        Patients.Identity patient = Patients.next();
        String caseId = referredAwaitingBiopsy("coord-north", "SPOKE-NORTH", patient, 22.0);
        String shortId = caseId.substring(0, 8);

        // The pathologist: the worklist (oldest first, paged), the case found by its number, the biopsy form with the live
        // grade, the report signed out.
        signInFresh("patho");
        browser.get(web("/pathology"));
        waitForText("waiting, oldest first");
        String caption = browser.findElement(By.cssSelector("table caption")).getText();
        assertTrue(SeededCases.COUNT < 100 || caption.matches("\\d+ cases waiting, oldest first \\(page 1 of \\d+\\)")
                && Long.parseLong(caption.substring(0, caption.indexOf(' '))) >= SeededCases.COUNT, "the worklist among thousands: " + caption);
        assertTrue(browser.findElements(By.cssSelector("table tbody tr")).size() <= 25, "one page of the worklist");
        shot("pathologist-worklist");
        browser.findElement(By.id("q")).sendKeys(shortId);
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waitForText("1 case waiting");
        shot("pathologist-worklist-found");
        browser.findElement(By.cssSelector("a[href='/pathology/cases/" + caseId + "/biopsy']")).click();
        waitFor(By.id("specimenType"));
        choose("specimenType", "CORE_NEEDLE");
        choose("histology", "DEDIFFERENTIATED_LIPOSARCOMA");
        choose("ihc.MDM2", "POSITIVE");
        choose("ihc.CD45", "NEGATIVE");
        choose("molecular.mdm2Amplified", "true");
        choose("molecular.method", "FISH");
        browser.findElement(By.id("fnclcc.differentiation")).sendKeys("3");
        browser.findElement(By.id("fnclcc.mitosesPer10Hpf")).sendKeys("12");
        waitForText("necrosisPercent");
        browser.findElement(By.id("fnclcc.necrosisPercent")).sendKeys("30");
        // 3 + 2 (12 mitoses) + 1 (necrosis under 50%) = 6: G3 (rps-reference.md section 3), from pathology's preview.
        waitForText("FNCLCC score 6");
        assertTrue(browser.findElement(By.cssSelector("#preview [data-testid=grade]")).getText().startsWith("G3"));
        shot("biopsy-form-live-grade");
        clickAndConfirm(By.cssSelector("#report-form button[type=submit]"), "Sign out this report?");
        waitForText("Biopsy report signed out");
        assertTrue(browser.findElement(By.cssSelector("[data-testid=grade]")).getText().contains("G3"));
        shot("biopsy-signed-out");

        eventually("the case ready and on a meeting", () -> {
            var board = Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board").jsonPath();
            return board.getBoolean("ready") && board.getString("meetingId") != null;
        });
        String meetingId = Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board").jsonPath()
                .getString("meetingId");

        // Five disciplines vote through the board console; the radiation oncologist dissents.
        Map<String, String> votes = new java.util.LinkedHashMap<>();
        votes.put("surgeon", "UPFRONT_RESECTION");
        votes.put("radiologist", "UPFRONT_RESECTION");
        votes.put("patho", "UPFRONT_RESECTION");
        votes.put("medonc", "UPFRONT_RESECTION");
        votes.put("radonc", "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION");
        boolean first = true;
        for (Map.Entry<String, String> vote : votes.entrySet()) {
            signInFresh(vote.getKey());
            browser.get(web("/board?meeting=" + meetingId));
            waitForText(shortId);
            if (first) {
                shot("board-agenda");
            }
            browser.findElement(By.linkText(shortId)).click();
            waitForText("Suggested options");
            if (first) {
                assertTrue(browser.getPageSource().contains("dedifferentiated liposarcoma"), "histology on the case view");
                assertTrue(browser.getPageSource().contains("group <strong>IIIB</strong>"), "22 cm, N0 M0, G3: stage IIIB");
                // The whole case on one page: age and sex, the size, the pathology with its IHC and molecular results.
                assertTrue(browser.findElement(By.cssSelector("[data-testid=patient]")).getText().contains("years at referral"));
                assertTrue(browser.findElement(By.cssSelector("[data-testid=size]")).getText().startsWith("22"));
                String pathology = browser.findElement(By.cssSelector("ul.pathology")).getText();
                assertTrue(pathology.contains("IHC: MDM2 positive") && pathology.contains("MDM2 amplified (FISH)"), pathology);
                shot("board-case");
                browser.findElement(By.cssSelector("details.model summary")).click();
                WebElement f = browser.findElement(By.id("model-f"));
                f.clear();
                f.sendKeys("0.3");
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("[data-testid=model-all]"))
                        .getText().equals("0.802"));
                shot("board-case-pseudocapsule-model");
                first = false;
            }
            choose("option", vote.getValue());
            browser.findElement(By.id("rationale")).sendKeys("Rationale of " + vote.getKey() + ": resectable, G3 DDLPS");
            browser.findElement(By.cssSelector("form.vote button[type=submit]")).click();
            waitForText("Your vote is recorded.");
        }

        // The chair: quorum and counts, the decision, the dissent on the record.
        signInFresh("chair");
        browser.get(web("/board/cases/" + caseId));
        waitForText("Disciplines voted: 5 of 5");
        assertTrue(browser.getPageSource().contains("(quorum)"));
        shot("chair-quorum-and-counts");
        clickAndConfirm(By.xpath("//button[text()=\"Record the board's decision\"]"), "Record the board's decision");
        waitForText("The board's decision is recorded.");
        assertTrue(browser.findElement(By.cssSelector("[data-testid=decision]")).getText().contains("upfront resection"));
        assertTrue(browser.getPageSource().contains("Dissent on the record"));
        assertTrue(browser.getPageSource().contains("Rationale of radonc"));
        shot("chair-decision");

        // The surgeon finds the patient on the operating list and records the operation on the case's page: en bloc, the
        // organs taken from the list; then the report.
        signInFresh("surgeon");
        browser.get(web("/board/operating-list"));
        waitForText("Operating list");
        WebElement operation = browser.findElement(By.xpath("//tr[td/a[@href='/board/cases/" + caseId + "']]"));
        assertTrue(operation.getText().contains(patient.familyName() + ", " + patient.givenName()), operation.getText());
        shot("surgeon-operating-list");
        operation.findElement(By.linkText(shortId)).click();
        waitForText("Treatment carried out");
        choose("type", "SURGERY");
        date("date", LocalDate.now(ZoneOffset.UTC));
        choose("enBloc", "true");
        choose("grossResidualDisease", "false");
        browser.findElement(By.cssSelector("form.treatment input[name=organsResected][value=KIDNEY_LEFT]")).click();
        shot("surgeon-treatment-form");
        clickAndConfirm(By.cssSelector("form.treatment button[type=submit]"), "Record this on the case?");
        waitForText("The operation is recorded.");
        shot("surgeon-operation-recorded");
        eventually("the case on the resection worklist", () -> Api.as("patho", SystemStack.Service.PATHOLOGY)
                .queryParam("awaiting", "RESECTION_REPORT").queryParam("q", caseId).get("/api/worklist/page")
                .jsonPath().getList("items.caseId").contains(caseId));
        signInFresh("patho");
        browser.get(web("/pathology/cases/" + caseId + "/resection"));
        choose("margin", "R0");
        browser.findElement(By.id("blocksSampled")).sendKeys("40");
        waitForText("0.669");
        assertTrue(browser.getPageSource().contains("299"));
        shot("resection-form-miss-chance");
        clickAndConfirm(By.cssSelector("#report-form button[type=submit]"), "Sign out this report?");
        waitForText("Resection report signed out");
        browser.findElement(By.linkText("The case's reports")).click();
        waitForText("resection report, version 1");
        browser.findElement(By.xpath("//section[h2[contains(., 'resection')]]//a[contains(., 'Amend')]")).click();
        waitFor(By.id("reason")).sendKeys("Posterior margin re-examined: ink reached");
        choose("margin", "R1");
        clickAndConfirm(By.cssSelector("#report-form button[type=submit]"), "Save this amendment?");
        waitForText("Amendment saved");
        browser.findElement(By.linkText("The case's reports")).click();
        waitForText("resection report, version 2");
        assertTrue(browser.getPageSource().contains("Posterior margin re-examined"));
        shot("report-versions");

        // The nurse: the case's visits, a visit recorded, the schedule as a timeline.
        eventually("the case in surveillance", () -> Api.as("nurse-hub", SystemStack.Service.BOARD)
                .get("/api/cases/" + caseId + "/surveillance").jsonPath().getBoolean("inSurveillance"));
        signInFresh("nurse-hub");
        browser.get(web("/surveillance"));
        waitForText("Surveillance visits");
        eventually("the case in surveillance at intake too", () -> "SURVEILLANCE".equals(Api.as("nurse-hub",
                SystemStack.Service.INTAKE).get("/api/cases/" + caseId).jsonPath().getString("status")));
        choose("within", "180");
        waitForText("overdue first");
        shot("nurse-visits-due");
        // The nurse finds the patient by family name: name, MRN and birth date beside the visit, to call them.
        browser.findElement(By.id("q")).sendKeys(patient.familyName());
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        waitForText("1 visit due");
        WebElement row = browser.findElement(By.cssSelector("table.stacked tbody tr"));
        assertTrue(row.getText().contains(patient.familyName() + ", " + patient.givenName()) && row.getText().contains(patient.mrn()),
                row.getText());
        shot("nurse-visit-found-by-name");
        browser.findElement(By.linkText(shortId)).click();
        waitForText("Record a visit");
        // A visit dated after today (board-service's 400): the form stays filled, the date's problem is next to it.
        date("date", LocalDate.now(ZoneOffset.UTC).plusDays(2));
        choose("outcome", "NO_EVIDENCE_OF_DISEASE");
        browser.findElement(By.id("notes")).sendKeys("Seen early");
        browser.findElement(By.cssSelector("form.visit button[type=submit]")).click();
        waitForText("Visit date cannot be after today");
        assertEquals("date", js("return document.activeElement.id"), "the focus is on the field to correct");
        assertTrue(browser.getPageSource().contains("Nothing was saved."));
        assertEquals("Seen early", browser.findElement(By.id("notes")).getAttribute("value"), "what was typed is kept");
        shot("refused-visit-in-the-future");
        browser.findElement(By.id("notes")).clear();
        date("date", LocalDate.now(ZoneOffset.UTC));
        choose("outcome", "NO_EVIDENCE_OF_DISEASE");
        browser.findElement(By.id("notes")).sendKeys("CT chest, abdomen and pelvis clear");
        browser.findElement(By.cssSelector("form.visit button[type=submit]")).click();
        waitForText("The visit is recorded.");
        assertTrue(browser.findElement(By.cssSelector("ol.schedule li")).getText().contains("no evidence of disease"));
        shot("nurse-visit-recorded");
        assertEquals("NO_EVIDENCE_OF_DISEASE", Api.as("nurse-hub", SystemStack.Service.BOARD)
                .get("/api/cases/" + caseId + "/surveillance").jsonPath().getString("visits[0].outcome"));

        // The hub dashboard, at laptop and tablet widths.
        signInFresh("chair");
        browser.get(web("/dashboard"));
        waitForText("R0 resection rate");
        assertTrue(browser.getPageSource().contains("68%") && browser.getPageSource().contains("42%"));
        assertTrue(browser.getPageSource().contains("Days from referral to board decision, per site"));
        assertTrue(browser.findElements(By.cssSelector("svg.chart")).size() >= 4, "four charts");
        assertFalse(browser.findElements(By.cssSelector("[data-testid='r0-SPOKE-NORTH']")).isEmpty());
        shot("hub-dashboard");
        atTabletWidth("R0 resection rate");
        shot("hub-dashboard-tablet");
    }

    /**
     * Every refusal a coordinator or chair meets in a day is shown where it happened, in plain words, with the focus on
     * what to correct and the form as it was sent: a birth date after today (intake's 400), the patient's second open
     * case (409, with a link to the open one), a decision without quorum and a move to a full meeting (board's 409s).
     * (The visit dated after today is in the nurse's part of the case's walk above.)
     */
    @Test
    void everyRefusalIsShownInPlainWordsWhereItHappened() {
        open(1280, 900);
        signIn("coord-north");
        Patients.Identity patient = Patients.next();
        browser.get(web("/referrals/new"));
        fillReferral(patient);
        date("patient.birthDate", LocalDate.now(ZoneOffset.UTC).plusDays(3));
        browser.findElement(By.cssSelector("form.referral button[type=submit]")).click();
        waitForText("Birth date must be before today");
        assertEquals("patient.birthDate", js("return document.activeElement.id"), "the focus is on the field to correct");
        assertTrue(browser.getPageSource().contains("Nothing was saved."), "the page says nothing was saved");
        assertEquals(patient.mrn(), browser.findElement(By.id("patient.mrn")).getAttribute("value"), "the form stays filled");
        assertFalse(browser.getPageSource().contains("must be a past date"), "no developer words");
        shot("refused-birth-date");
        date("patient.birthDate", patient.birthDate());
        browser.findElement(By.cssSelector("form.referral button[type=submit]")).click();
        waitForText("Referral received");

        // The same patient referred again: the open case is named with a link, and the second case is a tick away.
        browser.get(web("/referrals/new"));
        fillReferral(patient);
        browser.findElement(By.cssSelector("form.referral button[type=submit]")).click();
        waitForText("This patient already has an open case");
        WebElement link = browser.findElement(By.linkText("Open the patient's open case"));
        assertTrue(link.getAttribute("href").matches(".*/cases/[0-9a-f-]{36}"), link.getAttribute("href"));
        assertFalse(browser.getPageSource().contains("confirmSecondOpenCase: true"), "no developer words");
        assertEquals("confirmSecondOpenCase", js("return document.activeElement.id"), "the focus is on the box to tick");
        shot("refused-second-open-case");
        browser.findElement(By.id("confirmSecondOpenCase")).click();
        browser.findElement(By.cssSelector("form.referral button[type=submit]")).click();
        waitForText("Referral received");

        // The chair: a decision before anyone voted, then a move to a meeting that is full.
        String waiting = referredAwaitingBiopsy("coord-hub", "HUB", 12.0);
        biopsyReportedAndOnAMeeting(waiting);
        String other = referredAwaitingBiopsy("coord-hub", "HUB", 13.0);
        biopsyReportedAndOnAMeeting(other);
        // Within the four months the board page offers meetings from.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(40 + java.util.concurrent.ThreadLocalRandom.current().nextInt(60));
        String small = Api.as("chair", SystemStack.Service.BOARD).body(Map.of("date", day.toString(), "capacity", 1))
                .post("/api/meetings").then().statusCode(201).extract().path("meetingId");
        Api.as("chair", SystemStack.Service.BOARD).body(Map.of("meetingId", small)).put("/api/cases/" + other + "/meeting")
                .then().statusCode(200);
        signInFresh("chair");
        browser.get(web("/board/cases/" + waiting));
        waitForText("Record the board's decision");
        clickAndConfirm(By.xpath("//button[text()=\"Record the board's decision\"]"), "Record the board's decision");
        waitForText("the board has no quorum yet");
        assertTrue(browser.getPageSource().contains("Still to vote: surgery, radiology, pathology, medical oncology, radiation oncology"),
                "the disciplines still to vote, in words");
        assertTrue((Boolean) js("return document.activeElement.classList.contains('alert')"), "the focus is on the refusal");
        assertFalse(browser.getPageSource().contains("RADIATION_ONCOLOGY"), "no codes");
        shot("refused-decision-without-quorum");
        choose("meetingId", small);
        browser.findElement(By.xpath("//button[text()='Move']")).click();
        waitForText("that meeting is full (1 case)");
        assertFalse(browser.findElement(By.cssSelector("p.alert")).getText().contains(small), "no meeting id in the words");
        shot("refused-move-to-a-full-meeting");
        assertFalse(small.equals(Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + waiting + "/board").jsonPath()
                .getString("meetingId")), "the case did not move");
    }

    /**
     * The meeting is live: the chair's open page of a case shows a member's vote, cast in a second browser, and the
     * quorum count move on without a reload; the agenda of the meeting shows the decision as it is recorded.
     */
    @Test
    void aSecondMembersVoteAppearsOnTheChairsOpenPageWithoutAReload() {
        String caseId = referredAwaitingBiopsy("coord-hub", "HUB", 16.0);
        biopsyReportedAndOnAMeeting(caseId);
        open(1280, 900);
        signIn("chair");
        browser.get(web("/board/cases/" + caseId));
        waitForText("Disciplines voted: 0 of 5");
        js("window.notReloaded = true");
        WebDriver chair = browser;
        WebDriver radiologist;
        try {
            open(1280, 900);
            radiologist = browser;
            signIn("radiologist");
            browser.get(web("/board/cases/" + caseId));
            waitForText("Your vote");
            choose("option", "UPFRONT_RESECTION");
            browser.findElement(By.id("rationale")).sendKeys("Resectable en bloc with the left kidney");
            browser.findElement(By.cssSelector("form.vote button[type=submit]")).click();
            waitForText("Your vote is recorded.");
            js("window.notReloaded = true");
        } finally {
            browser = chair;
        }
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("Disciplines voted: 1 of 5"));
        assertTrue(browser.getPageSource().contains("Resectable en bloc with the left kidney"), "the member's vote and rationale");
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true"), "the page was not reloaded");
        shot("live-vote-arrived");

        // The meeting room's screen follows the agenda: the decision appears on it as the chair records it.
        String meetingId = Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board").jsonPath()
                .getString("meetingId");
        browser.get(web("/board/meetings/" + meetingId + "/present"));
        waitForText("Running order");
        String item = String.valueOf(Api.as("chair", SystemStack.Service.BOARD).get("/api/meetings/" + meetingId + "/agenda")
                .jsonPath().getList("cases.caseId").indexOf(caseId) + 1);
        browser.get(web("/board/meetings/" + meetingId + "/present?case=" + caseId));
        waitForText("Case " + item + " of");
        js("window.notReloaded = true");
        shot("meeting-room-screen");
        for (String member : java.util.List.of("surgeon", "patho", "medonc", "radonc")) {
            Api.as(member, SystemStack.Service.BOARD).body(Map.of("option", "UPFRONT_RESECTION", "rationale", "Resectable"))
                    .post("/api/cases/" + caseId + "/votes").then().statusCode(201);
        }
        Api.as("chair", SystemStack.Service.BOARD).post("/api/cases/" + caseId + "/decision").then().statusCode(201);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.cssSelector("[data-testid=present-decision]"))
                .getText().contains("upfront resection"));
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true"), "the screen was not reloaded");
        shot("meeting-room-screen-decided");

        // The radiologist's page, open all along, shows the decision and no longer offers a vote the board would refuse.
        browser = radiologist;
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("[data-testid=decision]")).isEmpty());
            assertTrue(browser.findElement(By.cssSelector("[data-testid=decision]")).getText().contains("upfront resection"));
            assertFalse(browser.findElement(By.cssSelector("form.vote")).isDisplayed(), "the vote form left with the decision");
            assertEquals(Boolean.TRUE, js("return window.notReloaded === true"), "the member's page was not reloaded");
            shot("live-decision-arrived");
        } finally {
            browser = chair;
        }

        // The chair reopens the decided case for a new round, with the reason on the record; a reason is required.
        browser.get(web("/board/cases/" + caseId));
        waitForText("Reopen for a new round");
        js("document.querySelector('form.reopen').noValidate = true");
        clickAndConfirm(By.cssSelector("form.reopen button[type=submit]"), "Reopen this case");
        waitForText("Why the case is discussed again is required");
        browser.findElement(By.id("reopenReason")).sendKeys("New chest CT shows a nodule");
        clickAndConfirm(By.cssSelector("form.reopen button[type=submit]"), "Reopen this case");
        waitForText("The case is reopened for a new round");
        assertEquals(2, Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board").jsonPath().getInt("round"));
        shot("chair-reopened");
    }

    /**
     * The chair plans a meeting with its time and room, reschedules it and cancels it, on the meetings screen; a member
     * finds the case waiting for their vote on "my cases to vote on"; the auditor reads who saw a case and exports it.
     */
    @Test
    void theChairPlansMeetingsAMemberFindsTheirVotesAndTheAuditorReadsTheTrail() {
        open(1280, 900);
        signIn("chair");
        browser.get(web("/board/meetings"));
        waitForText("Plan a meeting");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30 + java.util.concurrent.ThreadLocalRandom.current().nextInt(60));
        date("date", day);
        js("document.getElementById('startTime').value = '08:30'");
        browser.findElement(By.id("room")).sendKeys("Tumor board room " + day);
        browser.findElement(By.id("capacity")).sendKeys("6");
        shot("chair-plans-a-meeting");
        browser.findElement(By.cssSelector("form.plan-meeting button[type=submit]")).click();
        waitForText("The meeting of " + day + " is planned");
        WebElement row = browser.findElement(By.xpath("//tr[td[contains(., 'Tumor board room " + day + "')]]"));
        assertTrue(row.getText().contains("08:30"), row.getText());
        row.findElement(By.cssSelector("details.reschedule summary")).click();
        WebElement room = row.findElement(By.cssSelector("input[name=room]"));
        room.clear();
        room.sendKeys("Auditorium " + day);
        // Moved into the past: refused, the meeting's form comes back open with what the chair typed.
        String dateId = row.findElement(By.cssSelector("details.reschedule input[name=date]")).getAttribute("id");
        date(dateId, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        row.findElement(By.cssSelector("details.reschedule button[type=submit]")).click();
        waitForText("Date cannot be before today");
        assertEquals("Auditorium " + day, browser.findElement(By.cssSelector("details.reschedule[open] input[name=room]"))
                .getAttribute("value"), "the typed room is kept");
        assertEquals(dateId, js("return document.activeElement.id"), "the focus is on the date to correct");
        shot("chair-reschedule-refused");
        date(dateId, day);
        browser.findElement(By.cssSelector("details.reschedule[open] button[type=submit]")).click();
        waitForText("; its cases stay on its agenda.");
        assertTrue(browser.getPageSource().contains("Auditorium " + day));
        shot("chair-rescheduled-a-meeting");
        WebElement moved = browser.findElement(By.xpath("//tr[td[contains(., 'Auditorium " + day + "')]]"));
        clickAndConfirm(By.xpath("//tr[td[contains(., 'Auditorium " + day + "')]]//form[contains(@class, 'cancel')]//button"),
                "Cancel the meeting of " + day);
        waitForText("is cancelled; its undecided cases go to the earliest open meeting with room.");
        assertTrue(browser.findElement(By.xpath("//tr[td[contains(., 'Auditorium " + day + "')]]")).getText().contains("cancelled"));
        assertTrue(moved != null);

        // A member's worklist: the scheduled case waits for their vote.
        String caseId = referredAwaitingBiopsy("coord-hub", "HUB", 10.0);
        biopsyReportedAndOnAMeeting(caseId);
        signInFresh("medonc");
        browser.get(web("/board/my-votes"));
        waitForText("waiting for your vote");
        assertFalse(browser.findElements(By.cssSelector("a[href='/board/cases/" + caseId + "']")).isEmpty(), "the case to vote on");
        shot("member-my-votes");

        // The auditor: the trail of intake for the case, then its export.
        signInFresh("auditor");
        browser.get(web("/audit?service=intake&caseId=" + caseId));
        waitForText(" of intake-service</caption>");
        assertTrue(browser.getPageSource().contains(caseId.substring(0, 8)), "the case's records");
        shot("auditor-trail");
        String csv = (String) js("var r = new XMLHttpRequest(); r.open('GET', '/audit/export.csv?service=intake&caseId=' + arguments[0], false);"
                + " r.send(); return r.status + ' ' + r.responseText;", caseId);
        assertTrue(csv.startsWith("200 recordedAt,actor"), csv.substring(0, Math.min(200, csv.length())));
        assertTrue(csv.contains(caseId), "the export lists the case's records");
    }

    /** The referral form filled for a North patient with the imaging the pathway needs. */
    private void fillReferral(Patients.Identity patient) {
        Map<String, String> text = Map.of("patient.mrn", patient.mrn(), "patient.givenName", patient.givenName(),
                "patient.familyName", patient.familyName(), "clinicalQuestion", "Retroperitoneal mass, resectable?",
                "imaging.greatestDimensionCm", "15");
        text.forEach((id, value) -> browser.findElement(By.id(id)).sendKeys(value));
        date("patient.birthDate", patient.birthDate());
        date("imaging.ctAbdomenPelvisDate", LocalDate.now(ZoneOffset.UTC).minusDays(3));
        choose("referringSite", "SPOKE-NORTH");
        choose("patient.sex", "MALE");
        choose("neoadjuvantConsidered", "false");
    }

    /** Clicks a button whose act cannot be undone, checks that the browser asks first, and confirms. */
    private void clickAndConfirm(By button, String question) {
        browser.findElement(button).click();
        org.openqa.selenium.Alert alert = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertTrue(alert.getText().contains(question), "asked: " + alert.getText());
        alert.accept();
    }

    @Test
    void theChairMovesACaseToAnotherMeetingAndClosesIt() {
        String caseId = referredAwaitingBiopsy("coord-hub", "HUB", 14.0);
        biopsyReportedAndOnAMeeting(caseId);
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(100);
        String laterMeeting = Api.as("chair", SystemStack.Service.BOARD).body(Map.of("date", later.toString(), "capacity", 5))
                .post("/api/meetings").then().statusCode(201).extract().path("meetingId");

        signInFresh("chair");
        browser.get(web("/board/cases/" + caseId));
        waitForText("Move to meeting");
        choose("meetingId", laterMeeting);
        shot("chair-move-case");
        browser.findElement(By.xpath("//button[text()='Move']")).click();
        waitForText("The case is moved.");
        assertEquals(laterMeeting, Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board").jsonPath()
                .getString("meetingId"));

        browser.get(web("/board?meeting=" + laterMeeting));
        waitForText(caseId.substring(0, 8));
        clickAndConfirm(By.xpath("//button[text()='Close this meeting']"), "Close this meeting?");
        waitForText("The meeting is closed");
        shot("meeting-closed");
        // Undecided, the case goes back to the earliest open meeting with room: not the closed one, not nowhere.
        String now = Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board").jsonPath().getString("meetingId");
        assertTrue(now != null && !now.equals(laterMeeting), "the case left the closed meeting for an open one: " + now);
        assertTrue(Api.as("chair", SystemStack.Service.BOARD).get("/api/meetings?from=" + later + "&to=" + later).jsonPath()
                .getList("findAll { it.meetingId == '" + laterMeeting + "' }.closed").contains(true));
    }

    /** Each role's screens at tablet width (768 px): none scrolls sideways, every control still labelled. */
    @Test
    void everyRolesScreensFitATablet() {
        String caseId = referredAwaitingBiopsy("coord-hub", "HUB", 11.0);
        open(768, 1024);
        signIn("patho");
        for (String screen : java.util.List.of("/pathology", "/pathology/cases/" + caseId + "/biopsy",
                "/pathology/cases/" + caseId + "/resection", "/pathology/cases/" + caseId + "/reports")) {
            fitsATablet(screen);
        }
        biopsyReportedAndOnAMeeting(caseId);
        String meetingId = Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board").jsonPath().getString("meetingId");
        browser.quit();
        open(768, 1024);
        signIn("chair");
        for (String screen : java.util.List.of("/board?meeting=" + meetingId, "/board/cases/" + caseId, "/dashboard")) {
            fitsATablet(screen);
        }
        // A phone in the corridor (390 px): the agenda, the case and the meeting room's screen, without sideways scrolling.
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String screen : java.util.List.of("/board?meeting=" + meetingId, "/board/cases/" + caseId,
                "/board/meetings/" + meetingId + "/present")) {
            browser.get(web(screen));
            waitFor(By.cssSelector("main h1"));
            assertNoSidewaysScrolling("phone " + screen);
        }
        shot("phone-board-case");
        browser.quit();
        open(768, 1024);
        signIn("nurse-hub");
        for (String screen : java.util.List.of("/surveillance?within=365", "/surveillance/cases/" + caseId)) {
            fitsATablet(screen);
        }
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(web("/surveillance?within=365"));
        waitFor(By.cssSelector("main h1"));
        assertNoSidewaysScrolling("phone /surveillance");
        shot("phone-nurse-visits");
    }

    private void fitsATablet(String screen) {
        browser.get(web(screen));
        waitFor(By.cssSelector("main h1"));
        assertNoSidewaysScrolling(screen);
        shot("tablet-" + screen.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "id")
                .replaceAll("[^a-z]+", "-").replaceAll("^-|-$", ""));
    }

    @Test
    void aSpokeCoordinatorCannotOpenAnotherSitesCase() {
        Patients.Identity patient = Patients.next();
        String northCase = SystemStack.get().webUrl() + "/cases/" + Api.as("coord-north", SystemStack.Service.INTAKE)
                .body(Patients.referral("SPOKE-NORTH", patient, 9.0)).post("/api/referrals").then().statusCode(201)
                .extract().path("caseId");
        open(1280, 900);
        signIn("coord-south");
        browser.get(northCase);
        waitForText("no such case");
        shot("another-sites-case");
        assertFalse(browser.getPageSource().contains(patient.mrn()) || browser.getPageSource().contains(patient.familyName()),
                "no identity shown");
        browser.get(SystemStack.get().webUrl() + "/cases");
        waitForText("Cases of South General Hospital");
        String id = northCase.substring(northCase.lastIndexOf('/') + 1);
        assertFalse(browser.getPageSource().contains(id.substring(0, 8)), "not in south's list");
        // Every other screen that takes a case: the board's view, the surveillance schedule, the reports.
        for (String screen : java.util.List.of("/board/cases/" + id, "/surveillance/cases/" + id, "/pathology/cases/" + id + "/reports")) {
            browser.get(web(screen));
            waitForText("no such case");
            assertFalse(browser.getPageSource().contains(patient.mrn()) || browser.getPageSource().contains(patient.familyName()),
                    screen + " shows no identity");
            assertFalse(browser.getPageSource().contains("SPOKE-NORTH"), screen + " shows nothing of the case");
        }
        // Screens that are not a coordinator's say so, and list nothing.
        browser.get(web("/pathology"));
        waitForText("The worklist is for pathologists.");
        assertFalse(browser.getPageSource().contains(id.substring(0, 8)));
        browser.get(web("/surveillance"));
        waitForText("The surveillance list is for nurses.");
        browser.get(web("/dashboard"));
        waitForText("The hub dashboard is for the hub's clinicians.");
        assertFalse(browser.getPageSource().contains("SPOKE-NORTH"));
        shot("another-sites-case-dashboard-refused");
        // Sign-out from the page: Keycloak's session ends and the app says so; the case list asks to sign in again.
        browser.findElement(By.linkText("Sign out")).click();
        waitForText("You have signed out");
        browser.get(web("/cases"));
        waitFor(By.id("username"));
    }

    /** The page again at 768 px: it must not scroll sideways. */
    private void atTabletWidth(String text) {
        browser.manage().window().setSize(new Dimension(768, 1024));
        browser.navigate().refresh();
        waitForText(text);
        assertNoSidewaysScrolling(browser.getCurrentUrl());
    }

    private void assertNoSidewaysScrolling(String screen) {
        Number overflow = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, screen + " scrolls sideways at tablet width by " + overflow + " px");
    }

    /** A new patient referred through intake's API, once pathology has the case on its biopsy worklist. */
    private static String referredAwaitingBiopsy(String coordinator, String site, double sizeCm) {
        return referredAwaitingBiopsy(coordinator, site, Patients.next(), sizeCm);
    }

    private static String referredAwaitingBiopsy(String coordinator, String site, Patients.Identity patient, double sizeCm) {
        String caseId = Api.as(coordinator, SystemStack.Service.INTAKE).body(Patients.referral(site, patient, sizeCm))
                .post("/api/referrals").then().statusCode(201).extract().path("caseId");
        eventually("the case on the biopsy worklist", () -> Api.as("patho", SystemStack.Service.PATHOLOGY)
                .queryParam("q", caseId).get("/api/worklist/page").jsonPath().getList("items.caseId").contains(caseId));
        return caseId;
    }

    /** A leiomyosarcoma biopsy reported through pathology's API, once board-service has put the case on a meeting. */
    private static void biopsyReportedAndOnAMeeting(String caseId) {
        Api.as("patho", SystemStack.Service.PATHOLOGY).body(Map.of("specimenType", "CORE_NEEDLE", "histology", "LEIOMYOSARCOMA",
                "fnclcc", Map.of("differentiation", 2, "mitosesPer10Hpf", 5, "necrosisPercent", 0)))
                .post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(201);
        eventually("the case on a meeting", () -> Api.as("chair", SystemStack.Service.BOARD).get("/api/cases/" + caseId + "/board")
                .jsonPath().getString("meetingId") != null);
    }

    private void signInFresh(String user) {
        if (browser != null) {
            browser.quit();
        }
        open(1280, 900);
        signIn(user);
    }

    private static String web(String path) {
        return SystemStack.get().webUrl() + path;
    }

    private static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void date(String id, LocalDate date) {
        js("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    private void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(by));
    }

    private void waitForText(String text) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page said instead, so that a failure reads without a screenshot.
            String shown = browser.findElements(By.tagName("main")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("not shown within 20 s: \"" + text + "\" at " + browser.getCurrentUrl() + "; the page says: "
                    + shown.substring(0, Math.min(600, shown.length())), e);
        }
    }

    /** A screenshot of the screen, after checking that each of its controls has an accessible name. */
    private void shot(String name) {
        Object unlabelled = js("return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))"
                + ".filter(e => !e.getAttribute('aria-label') && (e.tagName === 'BUTTON' ? e.textContent.trim() === '' : e.labels.length === 0))"
                + ".map(e => e.id || e.name || e.outerHTML.substring(0, 80))");
        assertEquals(java.util.List.of(), unlabelled, name + ": every control has a label");
        accessible(name);
        try {
            Files.createDirectories(SHOTS);
            File png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** WCAG 2.2 level A and AA tags: what the automated check (axe-core, in this Chromium) holds each screen to. */
    private static final java.util.List<String> WCAG_22_AA = java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
            "wcag22aa");

    /** Deque's axe-core run on the screen as shown: no violation of WCAG 2.2 A or AA (contrast, names, structure). */
    private void accessible(String name) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().withTags(WCAG_22_AA)
                .analyze(browser);
        java.util.List<String> violations = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).limit(3).toList())
                .toList();
        assertEquals(java.util.List.of(), violations, name + ": WCAG 2.2 AA violations found by axe-core");
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("chromium-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
