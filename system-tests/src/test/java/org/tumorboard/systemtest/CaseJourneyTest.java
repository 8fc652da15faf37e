package org.tumorboard.systemtest;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorboard.systemtest.Api.as;
import static org.tumorboard.systemtest.SystemStack.Service.BOARD;
import static org.tumorboard.systemtest.SystemStack.Service.FHIR;
import static org.tumorboard.systemtest.SystemStack.Service.INTAKE;
import static org.tumorboard.systemtest.SystemStack.Service.PATHOLOGY;
import static org.tumorboard.systemtest.SystemStack.Service.STAGING;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.tumorboard.testsupport.TestEvents;

import io.restassured.path.json.JsonPath;

/**
 * One case through every step of the pathway on the running system, each step done by the demo user whose job it is
 * (logged in through Keycloak), each checked in every service that shows it: a spoke's referral of a 22 cm
 * dedifferentiated liposarcoma, the biopsy report, clinical staging, scheduling, five disciplines' votes, the decision,
 * surgery, the resection report and pathologic staging, the surveillance schedule, a visit that finds a local
 * recurrence, and the case back on the board. At the end intake's timeline must hold every step once, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(1)
class CaseJourneyTest {

    private static final long EVENTUAL_MS = 60_000;
    private static final String[] BOARD_MEMBERS = { "surgeon", "radiologist", "patho", "medonc", "radonc" };

    /** A step that fails leaves the case where the next steps cannot follow: they are skipped, not failed too. */
    @RegisterExtension
    static final StepsInOrder STEPS = new StepsInOrder();

    static final class StepsInOrder implements TestWatcher, ExecutionCondition {
        private String failed;

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = context.getDisplayName();
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return failed == null || context.getTestMethod().isEmpty() ? ConditionEvaluationResult.enabled("no step failed")
                    : ConditionEvaluationResult.disabled("an earlier step failed: " + failed);
        }
    }

    private Patients.Identity patient;
    private String caseId;
    private String firstMeetingId;
    /** Taken when the surgery is recorded, after the decision, on the services' clock (UTC): a run crossing midnight
     *  must not date the operation before the decision it carries out. */
    private LocalDate surgeryDate;

    @BeforeAll
    void stackIsUp() {
        SystemStack.get();
        // The chair plans tomorrow's meeting; a case ready before the weekly meetings is placed on the earliest one.
        as("chair", BOARD).body(Map.of("date", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), "capacity", 20))
                .post("/api/meetings").then().statusCode(201);
    }

    @Test
    @Order(1)
    void aSpokeCoordinatorRefersTheCase() {
        patient = Patients.next();
        JsonPath created = as("coord-north", INTAKE).body(Patients.referral("SPOKE-NORTH", patient, 22.0))
                .post("/api/referrals").then().statusCode(201)
                .body("biopsyIndicated", equalTo(true))
                .body("missingWorkup", empty())
                .extract().jsonPath();
        caseId = created.getString("caseId");

        as("coord-north", INTAKE).get("/api/cases/" + caseId).then().statusCode(200)
                .body("referringSite", equalTo("SPOKE-NORTH"))
                .body("patient.mrn", equalTo(patient.mrn()))
                .body("imaging.greatestDimensionCm", closeTo(22.0, 0.001))
                .body("workup.complete", equalTo(true));
        eventually("intake shows the case awaiting pathology", () -> "BIOPSY".equals(status()));
        eventually("the pathologist's worklist shows the biopsy awaited", () -> as("patho", PATHOLOGY).get("/api/worklist")
                .jsonPath().getList("findAll { it.caseId == '" + caseId + "' }.awaiting").equals(List.of("BIOPSY_REPORT")));
        eventually("staging knows the case and waits for a grade", () -> {
            var r = as("coord-north", STAGING).get("/api/cases/" + caseId + "/staging");
            return r.statusCode() == 200 && !r.jsonPath().getBoolean("complete");
        });
        eventually("the board knows the case, not ready without a biopsy", () -> {
            var r = as("chair", BOARD).get("/api/cases/" + caseId + "/board");
            return r.statusCode() == 200 && !r.jsonPath().getBoolean("ready");
        });
    }

    @Test
    @Order(2)
    void thePathologistReportsTheBiopsy() {
        as("patho", PATHOLOGY).body(Map.of(
                "specimenType", "CORE_NEEDLE",
                "histology", "DEDIFFERENTIATED_LIPOSARCOMA",
                "ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE"), Map.of("marker", "CD45", "result", "NEGATIVE")),
                "molecular", Map.of("mdm2Amplified", true, "cdk4Amplified", true, "method", "FISH"),
                // rps-reference.md FNCLCC: differentiation 3 + mitoses 10-19 (2) + necrosis <50 % (1) = 6 -> G3
                "fnclcc", Map.of("differentiation", 3, "mitosesPer10Hpf", 12, "necrosisPercent", 30)))
                .post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(201)
                .body("version", equalTo(1))
                .body("grade.grade", equalTo("G3"))
                .body("grade.score", equalTo(6))
                .body("grade.missing", empty());

        as("coord-north", PATHOLOGY).get("/api/cases/" + caseId + "/reports").then().statusCode(200)
                .body("size()", equalTo(1));
        as("patho", PATHOLOGY).get("/api/worklist").then().body("caseId", not(hasItem(caseId)));
        eventually("intake shows the diagnosis on the timeline", () -> timelineTypes().contains("tumorboard.pathology.biopsy-reported.v1"));
    }

    @Test
    @Order(3)
    void stagingStagesTheCaseClinically() {
        eventually("clinical staging", () -> as("coord-north", STAGING).get("/api/cases/" + caseId + "/staging")
                .jsonPath().getBoolean("complete"));
        // rps-reference.md AJCC 8th: > 15 cm = T4; T4 N0 M0 G3 = IIIB
        as("coord-north", STAGING).get("/api/cases/" + caseId + "/staging").then()
                .body("prefix", equalTo("c")).body("t", equalTo("T4")).body("n", equalTo("N0"))
                .body("m", equalTo("M0")).body("g", equalTo("G3")).body("group", equalTo("IIIB"));
        as("coord-north", STAGING).get("/api/cases/" + caseId + "/staging/history").then().body("size()", equalTo(1));
    }

    @Test
    @Order(4)
    void theBoardSchedulesTheReadyCase() {
        eventually("the case on a meeting", () -> as("chair", BOARD).get("/api/cases/" + caseId + "/board")
                .jsonPath().getString("meetingId") != null);
        JsonPath board = as("chair", BOARD).get("/api/cases/" + caseId + "/board").then().statusCode(200)
                .body("ready", equalTo(true))
                .body("suggestedOptions", not(empty()))
                .extract().jsonPath();
        firstMeetingId = board.getString("meetingId");
        as("chair", BOARD).get("/api/meetings/" + firstMeetingId + "/agenda").then().statusCode(200)
                .body("cases.find { it.caseId == '" + caseId + "' }.stageGroup", equalTo("IIIB"))
                .body("cases.find { it.caseId == '" + caseId + "' }.histology", equalTo("DEDIFFERENTIATED_LIPOSARCOMA"))
                .body("cases.find { it.caseId == '" + caseId + "' }.grade", equalTo("G3"));
        eventually("intake shows the case scheduled", () -> "BOARD_SCHEDULED".equals(status()));
    }

    @Test
    @Order(5)
    void fiveDisciplinesVote() {
        for (int i = 0; i < BOARD_MEMBERS.length; i++) {
            if (i == BOARD_MEMBERS.length - 1) {
                // Without radiation oncology there is no quorum: the chair is told which discipline is missing.
                as("chair", BOARD).post("/api/cases/" + caseId + "/decision").then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("missingDisciplines", contains("RADIATION_ONCOLOGY"));
            }
            as(BOARD_MEMBERS[i], BOARD).body(Map.of("option", "UPFRONT_RESECTION",
                    "rationale", "Resectable; en bloc resection with the left kidney and colon"))
                    .post("/api/cases/" + caseId + "/votes").then().statusCode(201);
        }
        as("chair", BOARD).get("/api/cases/" + caseId + "/board").then()
                .body("votes.discipline", containsInAnyOrder("SURGERY", "RADIOLOGY", "PATHOLOGY", "MEDICAL_ONCOLOGY",
                        "RADIATION_ONCOLOGY"))
                .body("decision", nullValue());
    }

    @Test
    @Order(6)
    void theChairRecordsTheDecision() {
        as("chair", BOARD).post("/api/cases/" + caseId + "/decision").then().statusCode(201)
                .body("option", equalTo("UPFRONT_RESECTION"));
        as("coord-north", BOARD).get("/api/cases/" + caseId + "/board").then()
                .body("decision.option", equalTo("UPFRONT_RESECTION"))
                .body("decision.round", equalTo(1));
        eventually("intake shows the plan decided", () -> "PLAN_DECIDED".equals(status()));
    }

    @Test
    @Order(7)
    void theSurgeonRecordsTheResection() {
        surgeryDate = LocalDate.now(ZoneOffset.UTC);
        as("surgeon", BOARD).body(Map.of("type", "SURGERY", "date", surgeryDate.toString(), "enBloc", true,
                "organsResected", List.of("KIDNEY_LEFT", "COLON_LEFT"))).post("/api/cases/" + caseId + "/treatments")
                .then().statusCode(201);
        eventually("intake shows the surgery", () -> "SURGERY".equals(status()));
        eventually("the pathologist's worklist shows the resection awaited", () -> as("patho", PATHOLOGY).get("/api/worklist")
                .jsonPath().getList("findAll { it.caseId == '" + caseId + "' }.awaiting").equals(List.of("RESECTION_REPORT")));
    }

    @Test
    @Order(8)
    void thePathologistReportsTheResectionAndStagingBecomesPathologic() {
        // rps-reference.md margin sampling: (1 - 0.01)^40 = 0.669; 299 blocks for a 5 % miss chance
        as("patho", PATHOLOGY).body(Map.of("margin", "R0", "blocksSampled", 40, "assumedInvolvedFraction", 0.01,
                "greatestDimensionCm", 21.5, "nodesExamined", 2, "nodesPositive", 0))
                .post("/api/cases/" + caseId + "/resection-reports").then().statusCode(201)
                .body("marginMissProbability", closeTo(0.669, 0.0005))
                .body("blocksForFivePercentMiss", equalTo(299));
        as("coord-north", PATHOLOGY).get("/api/cases/" + caseId + "/reports").then().body("size()", equalTo(2));
        eventually("pathologic staging", () -> "p".equals(as("coord-north", STAGING).get("/api/cases/" + caseId + "/staging")
                .jsonPath().getString("prefix")));
        as("coord-north", STAGING).get("/api/cases/" + caseId + "/staging").then()
                .body("t", equalTo("T4")).body("n", equalTo("N0")).body("m", equalTo("M0")).body("g", equalTo("G3"))
                .body("group", equalTo("IIIB"));
        as("coord-north", STAGING).get("/api/cases/" + caseId + "/staging/history").then()
                .body("prefix", contains("c", "p"));
    }

    @Test
    @Order(9)
    void surveillanceIsScheduled() {
        eventually("the surveillance schedule", () -> as("nurse-north", BOARD).get("/api/cases/" + caseId + "/surveillance")
                .jsonPath().getBoolean("inSurveillance"));
        // rps-reference.md surveillance, G2/G3: 3-monthly to month 36, 6-monthly to 60, yearly to 120 = 21 visits
        as("nurse-north", BOARD).get("/api/cases/" + caseId + "/surveillance").then()
                .body("track", equalTo("HIGH_GRADE"))
                .body("surgeryDate", equalTo(surgeryDate.toString()))
                .body("visits.size()", equalTo(21))
                .body("visits[0].due", equalTo(surgeryDate.plusMonths(3).toString()))
                .body("visits[20].due", equalTo(surgeryDate.plusMonths(120).toString()));
        as("nurse-north", BOARD).queryParam("withinDays", 100).get("/api/surveillance/due").then().statusCode(200)
                .body("caseId", hasItem(caseId));
        eventually("intake shows the case in surveillance", () -> "SURVEILLANCE".equals(status()));
    }

    @Test
    @Order(10)
    void aVisitFindsALocalRecurrenceAndTheCaseGoesBackToTheBoard() {
        as("nurse-north", BOARD).body(Map.of("date", LocalDate.now(ZoneOffset.UTC).toString(), "outcome", "LOCAL_RECURRENCE",
                "notes", "Nodule at the resection bed on CT")).post("/api/cases/" + caseId + "/surveillance-visits")
                .then().statusCode(201);
        eventually("the case back on the board for a second round", () -> {
            JsonPath board = as("chair", BOARD).get("/api/cases/" + caseId + "/board").jsonPath();
            return board.getInt("round") == 2 && board.getString("meetingId") != null;
        });
        JsonPath board = as("chair", BOARD).get("/api/cases/" + caseId + "/board").then()
                .body("decision", nullValue()).body("votes", empty()).body("meetingId", notNullValue())
                .extract().jsonPath();
        as("chair", BOARD).get("/api/meetings/" + board.getString("meetingId") + "/agenda").then()
                .body("cases.caseId", hasItem(caseId));
        as("nurse-north", BOARD).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false))
                .body("visits.outcome", contains("LOCAL_RECURRENCE"));
        eventually("intake shows the case back on the board", () -> "BOARD_SCHEDULED".equals(status())
                && timelineTypes().contains("tumorboard.board.recurrence-recorded.v1"));
    }

    @Test
    @Order(11)
    void theTimelineHoldsEveryStepOnceInOrder() {
        List<String> expected = List.of(
                "tumorboard.intake.case-referred.v1",
                "tumorboard.intake.workup-completed.v1",
                "tumorboard.pathology.biopsy-reported.v1",
                "tumorboard.staging.case-staged.v1",
                "tumorboard.board.case-scheduled.v1",
                "tumorboard.board.plan-decided.v1",
                "tumorboard.board.treatment-recorded.v1",
                "tumorboard.pathology.resection-reported.v1",
                // both follow the resection report, from two services: either may come first
                "staged p | surveillance-scheduled",
                "staged p | surveillance-scheduled",
                "tumorboard.board.visit-recorded.v1",
                "tumorboard.board.recurrence-recorded.v1",
                // the recurrence is staged again (prefix r) before the board takes it (issue 20, path 2)
                "tumorboard.staging.case-staged.v1",
                "tumorboard.board.case-scheduled.v1");
        List<Map<String, Object>> timeline = as("coord-north", INTAKE).get("/api/cases/" + caseId).jsonPath().getList("timeline");
        List<String> actual = new ArrayList<>();
        for (Map<String, Object> entry : timeline) {
            String type = (String) entry.get("type");
            String summary = (String) entry.get("summary");
            boolean afterResection = type.endsWith("surveillance-scheduled.v1")
                    || (type.endsWith("case-staged.v1") && summary.startsWith("Staged p"));
            actual.add(afterResection ? "staged p | surveillance-scheduled" : type);
        }
        assertEquals(expected, actual, "intake's timeline, oldest first:\n" + timeline);
        List<String> times = timeline.stream().map(e -> (String) e.get("time")).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.comparing(java.time.Instant::parse)).toList(), times,
                "timeline entries are in time order");
        assertEquals(1, timeline.stream().filter(e -> ((String) e.get("summary")).startsWith("Staged p")).count());
        assertEquals(1, timeline.stream().filter(e -> ((String) e.get("type")).endsWith("surveillance-scheduled.v1")).count());
    }

    /**
     * The auditor reads the case's trail in each service (issue #11): every clinical write of the journey, by the
     * demo user who made it, with the realm roles from Keycloak's token; each read of the patient's identity.
     */
    @Test
    @Order(12)
    void theAuditTrailHoldsEveryWriteAndIdentityReadOfTheCase() {
        assertEquals(List.of("REFERRAL coord-north SUCCESS"), trail(INTAKE, "REFERRAL"));
        List<Map<String, Object>> reads = as("auditor", INTAKE).queryParam("caseId", caseId).queryParam("size", 500)
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("items.findAll { it.action == 'CASE_READ' }");
        assertTrue(reads.stream().anyMatch(r -> "coord-north".equals(r.get("actor")) && Boolean.TRUE.equals(r.get("identityDisclosed"))
                && "coordinator".equals(r.get("roles")) && "SPOKE-NORTH".equals(r.get("site"))), reads.toString());
        assertEquals(List.of("BIOPSY_REPORT patho SUCCESS", "RESECTION_REPORT patho SUCCESS"), trail(PATHOLOGY, "REPORT"));
        List<String> board = trail(BOARD, "");
        assertEquals(5, board.stream().filter(r -> r.startsWith("VOTE ") && r.endsWith(" SUCCESS")).count(), board.toString());
        for (String member : BOARD_MEMBERS) {
            assertTrue(board.contains("VOTE " + member + " SUCCESS"), member + " voted: " + board);
        }
        assertTrue(board.contains("DECISION chair SUCCESS"), board.toString());
        assertTrue(board.contains("TREATMENT surgeon SUCCESS"), board.toString());
        assertTrue(board.stream().anyMatch(r -> r.startsWith("SURVEILLANCE_VISIT ") && r.endsWith(" SUCCESS")), board.toString());
        as("coord-north", INTAKE).get("/api/audit").then().statusCode(403);
    }

    /**
     * Issue 23: the whole journey read back as FHIR R4 / mCODE 4.0.0 from the facade, every resource validated against
     * the official package with no error outside what cannot be checked here; the surgeon gets the patient's identity
     * from intake through the facade, the chair does not, another spoke does not find the case; the reads are audited.
     */
    @Test
    @Order(13)
    void theCaseIsExportedAsMcodeWithNoUnexplainedError() {
        String c = caseId;
        eventually("the facade has the whole journey", () -> FhirExport.everything("chair", c).getEntry().stream()
                .anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(c + "-status-1")));
        FhirExport.Result export = FhirExport.validate("the journey's case (chair)", FhirExport.everything("chair", c));
        assertEquals(List.of(), export.unexplained());
        assertEquals(List.of("Patient/" + c, "Condition/" + c + "-primary", "BodyStructure/" + c + "-tumor",
                "Observation/" + c + "-size-imaging", "Observation/" + c + "-grade",
                // the biopsy's FNCLCC components, what the grade is derived from
                "Observation/" + c + "-fnclcc-b1-diff", "Observation/" + c + "-fnclcc-b1-mitoses", "Observation/" + c + "-fnclcc-b1-necrosis",
                "Observation/" + c + "-c-t",
                "Observation/" + c + "-c-n", "Observation/" + c + "-c-m", "Observation/" + c + "-c-group", "Observation/" + c + "-p-m",
                "Observation/" + c + "-p-group", "Observation/" + c + "-size-specimen-1", "Procedure/" + c + "-resection-1",
                "Observation/" + c + "-margin-1",
                // the biopsy's tumour marker tests: its two stains and both amplification tests
                "Observation/" + c + "-ihc-b1-mdm2", "Observation/" + c + "-ihc-b1-cd45", "Observation/" + c + "-amp-b1-mdm2",
                "Observation/" + c + "-amp-b1-cdk4",
                "CarePlan/" + c + "-plan-1", "Observation/" + c + "-status-1"),
                export.resources());
        // the plan's notes say how the round voted
        as("chair", FHIR).get("/fhir/CarePlan/" + c + "-plan-1").then().statusCode(200)
                .body("note.text", hasItem(org.hamcrest.Matchers.startsWith("Votes: ")));
        as("chair", FHIR).get("/fhir/Patient/" + c).then().statusCode(200)
                .body("identifier.value", contains(c)).body("name[0].family", nullValue());
        as("chair", FHIR).get("/fhir/Condition/" + c + "-primary").then().statusCode(200)
                .body("extension.find { it.url.endsWith('histology-morphology-behavior') }.valueCodeableConcept.coding[0].code",
                        equalTo("8858/3"));
        as("chair", FHIR).get("/fhir/Procedure/" + c + "-resection-1").then().statusCode(200)
                .body("outcome.text", equalTo("Margin R0"));
        as("chair", FHIR).get("/fhir/CarePlan/" + c + "-plan-1").then().statusCode(200)
                .body("status", equalTo("completed")).body("description", equalTo("Upfront resection"));

        FhirExport.Result withIdentity = FhirExport.validate("the journey's case (surgeon, with identity)", FhirExport.everything("surgeon", c));
        assertEquals(List.of(), withIdentity.unexplained());
        as("surgeon", FHIR).get("/fhir/Patient/" + c).then().statusCode(200)
                .body("name[0].family", equalTo(patient.familyName()))
                .body("identifier.find { it.type?.coding?.getAt(0)?.code == 'MR' }.value", equalTo(patient.mrn()))
                .body("identifier.find { it.type?.coding?.getAt(0)?.code == 'MR' }.system", equalTo("urn:tumorboard:mrn:SPOKE-NORTH"));
        as("coord-south", FHIR).get("/fhir/Patient/" + c + "/$everything").then().statusCode(404)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"));

        List<String> reads = trail(FHIR, "FHIR_");
        assertTrue(reads.contains("FHIR_EVERYTHING chair SUCCESS"), reads.toString());
        assertTrue(reads.contains("FHIR_EVERYTHING surgeon SUCCESS"), reads.toString());
        assertTrue(reads.contains("FHIR_EVERYTHING coord-south NOT_FOUND"), "another site's attempt: " + reads);
        List<Map<String, Object>> identityReads = as("auditor", FHIR).queryParam("caseId", c).queryParam("size", 500).get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.identityDisclosed == true }");
        assertTrue(identityReads.stream().allMatch(r -> "surgeon".equals(r.get("actor"))) && !identityReads.isEmpty(), identityReads.toString());
    }

    /** "ACTION actor OUTCOME" of the case's records in a service whose action contains the given text, oldest first. */
    private List<String> trail(SystemStack.Service service, String actionContains) {
        List<Map<String, Object>> items = as("auditor", service).queryParam("caseId", caseId).queryParam("size", 500)
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(r -> ((String) r.get("action")).contains(actionContains))
                .map(r -> r.get("action") + " " + r.get("actor") + " " + r.get("outcome")).toList();
    }

    private String status() {
        return as("coord-north", INTAKE).get("/api/cases/" + caseId).jsonPath().getString("status");
    }

    private List<String> timelineTypes() {
        return as("coord-north", INTAKE).get("/api/cases/" + caseId).jsonPath().getList("timeline.type");
    }

    private static void eventually(String what, BooleanSupplier condition) {
        TestEvents.await(what, EVENTUAL_MS, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException | AssertionError e) {
                return false;
            }
        });
    }
}
