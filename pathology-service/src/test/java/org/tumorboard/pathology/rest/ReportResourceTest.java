package org.tumorboard.pathology.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.EventType;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.SpecimenFindings;
import org.tumorboard.events.Topics;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The pathologist's reports against the real broker and database. */
@QuarkusTest
class ReportResourceTest {

    @Inject
    EntityManager em;

    static Map<String, Object> biopsy() {
        Map<String, Object> body = new HashMap<>();
        body.put("specimenType", "CORE_NEEDLE");
        body.put("histology", "DEDIFFERENTIATED_LIPOSARCOMA");
        body.put("ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE"), Map.of("marker", "CD45", "result", "NEGATIVE")));
        body.put("molecular", Map.of("mdm2Amplified", true, "cdk4Amplified", true, "method", "FISH"));
        body.put("fnclcc", Map.of("differentiation", 3, "mitosesPer10Hpf", 12, "necrosisPercent", 30));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> resection() {
        Map<String, Object> body = new HashMap<>();
        body.put("margin", "R0");
        body.put("blocksSampled", 40);
        body.put("greatestDimensionCm", 21.5);
        body.put("nodesExamined", 2);
        body.put("nodesPositive", 0);
        return body;
    }

    @Test
    void aBiopsyReportIsGradedTakesTheCaseOffTheWorklistAndIsPublished() {
        String caseId = referredCase(em, "SPOKE-NORTH");
        String reportId = given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(biopsy())
                .when().post("/api/cases/" + caseId + "/biopsy-reports")
                .then().statusCode(201)
                .body("version", equalTo(1))
                .body("grade.grade", equalTo("G3"))
                .body("grade.score", equalTo(6))
                .body("grade.differentiationScore", equalTo(3))
                .body("grade.mitosisScore", equalTo(2))
                .body("grade.necrosisScore", equalTo(1))
                .body("alerts", org.hamcrest.Matchers.empty())
                .body("nonSarcoma", equalTo(false))
                .extract().path("reportId");

        given().auth().oauth2(Tokens.pathologist()).when().get("/api/worklist")
                .then().statusCode(200).body("caseId", not(hasItem(caseId)));
        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        BiopsyReported reported = EventCodec.fromJson(events.get(0).value(), BiopsyReported.class);
        // Issue 23: the component scores behind the grade, each stain and the amplification tests, for the FHIR facade.
        assertEquals(new BiopsyReported(caseId, reportId, 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G3", 6, List.of(),
                new SpecimenFindings(3, 2, 1, List.of(new SpecimenFindings.Stain("MDM2", "POSITIVE"),
                        new SpecimenFindings.Stain("CD45", "NEGATIVE")), true, true, "FISH")), reported);
    }

    @Test
    void aMissingComponentGivesGxNamingIt() {
        String caseId = referredCase(em, "HUB");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(with(biopsy(), "fnclcc", Map.of("differentiation", 3, "mitosesPer10Hpf", 4)))
                .when().post("/api/cases/" + caseId + "/biopsy-reports")
                .then().statusCode(201)
                .body("grade.grade", equalTo("GX"))
                .body("grade.score", nullValue())
                .body("grade.missing", contains("necrosisPercent"));
    }

    /** Issue 19, item 2: a histology NOT_SARCOMA takes the case off the pathway and gets no FNCLCC grade. */
    @Test
    void notSarcomaHasNoGradeAndFlagsTheCase() {
        String caseId = referredCase(em, "HUB");
        Map<String, Object> body = with(with(with(biopsy(), "histology", "NOT_SARCOMA"), "molecular", null),
                "ihc", List.of(Map.of("marker", "CD45", "result", "POSITIVE")));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases/" + caseId + "/biopsy-reports")
                .then().statusCode(201)
                .body("grade", nullValue())
                .body("alerts.code", contains("NOT_SARCOMA_HISTOLOGY", "LYMPHOMA_MARKER_POSITIVE", "FNCLCC_NOT_APPLICABLE"))
                .body("alerts.severity", hasItem("CRITICAL"))
                .body("nonSarcoma", equalTo(true));
        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 2, Duration.ofSeconds(30));
        assertEquals(List.of(CaseEventTypes.BIOPSY_REPORTED.name(), CaseEventTypes.NON_SARCOMA_FLAGGED.name()),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        BiopsyReported reported = EventCodec.fromJson(events.get(0).value(), BiopsyReported.class);
        assertEquals(null, reported.grade());
        assertEquals(null, reported.score());
        assertTrue(events.get(1).value().contains("CD45 positive: lymphoma"), events.get(1).value());

        // Without FNCLCC components, a non-sarcoma is accepted as it is: nothing to grade.
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(with(body, "fnclcc", null))
                .when().post("/api/cases/" + referredCase(em, "HUB") + "/biopsy-reports")
                .then().statusCode(201).body("grade", nullValue()).body("nonSarcoma", equalTo(true));
    }

    /**
     * Issue 19, item 4: a well-differentiated liposarcoma on the core biopsy found dedifferentiated in the specimen. The
     * resection report gives the specimen's histology, grade and markers, with the same alerts as a biopsy, and its
     * events carry them (with the treatment effect) to staging and the board; an amendment of the specimen's histology
     * to NOT_SARCOMA takes the case off the pathway and one back restores it.
     */
    @Test
    void theResectionSpecimenCanChangeHistologyAndGrade() {
        String caseId = referredCase(em, "HUB");
        Map<String, Object> wdlps = with(with(biopsy(), "histology", "WELL_DIFFERENTIATED_LIPOSARCOMA"), "fnclcc",
                Map.of("differentiation", 1, "mitosesPer10Hpf", 2, "necrosisPercent", 0));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(wdlps)
                .when().post("/api/cases/" + caseId + "/biopsy-reports")
                .then().statusCode(201).body("grade.grade", equalTo("G1"));
        Map<String, Object> specimen = new HashMap<>(resection());
        specimen.put("histology", "DEDIFFERENTIATED_LIPOSARCOMA");
        specimen.put("fnclcc", Map.of("differentiation", 2, "mitosesPer10Hpf", 14, "necrosisPercent", 20));
        specimen.put("ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE")));
        specimen.put("molecular", Map.of("mdm2Amplified", true, "method", "FISH"));
        specimen.put("treatmentEffectPercent", 80);
        String reportId = given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(specimen)
                .when().post("/api/cases/" + caseId + "/resection-reports")
                .then().statusCode(201)
                .body("grade.grade", equalTo("G2"))
                .body("grade.score", equalTo(5))
                .body("nonSarcoma", equalTo(false))
                // differentiation 2 does not fit a dedifferentiated liposarcoma: a warning, never a refusal
                .body("alerts.code", contains("DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY"))
                .extract().path("reportId");
        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 2, Duration.ofSeconds(30));
        ResectionReported reported = EventCodec.fromJson(events.get(1).value(), ResectionReported.class);
        assertEquals("DEDIFFERENTIATED_LIPOSARCOMA", reported.histology());
        assertEquals("G2", reported.grade());
        assertEquals(0, new java.math.BigDecimal("80").compareTo(reported.treatmentEffectPercent()));
        assertEquals(List.of("DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY"), reported.alerts());
        assertEquals(new SpecimenFindings(2, 2, 1, List.of(new SpecimenFindings.Stain("MDM2", "POSITIVE")), true, null, "FISH"),
                reported.findings());

        Map<String, Object> notSarcoma = with(with(with(specimen, "histology", "NOT_SARCOMA"), "molecular", null), "ihc", List.of());
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(Map.of("reason", "a carcinoma on review of the whole specimen", "resection", notSarcoma))
                .when().post("/api/cases/" + caseId + "/reports/" + reportId + "/amendments")
                .then().statusCode(201).body("versions[1].result.grade", nullValue())
                .body("versions[1].result.nonSarcoma", equalTo(true));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(Map.of("reason", "second opinion: dedifferentiated liposarcoma", "resection",
                        with(specimen, "fnclcc", Map.of("differentiation", 3, "mitosesPer10Hpf", 14, "necrosisPercent", 20))))
                .when().post("/api/cases/" + caseId + "/reports/" + reportId + "/amendments")
                .then().statusCode(201).body("versions[2].result.grade.grade", equalTo("G3"));

        // Each amendment is its typed event alone: the union report-amended.v1 is no longer published.
        events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 6, Duration.ofSeconds(30));
        assertEquals(List.of(CaseEventTypes.BIOPSY_REPORTED.name(), CaseEventTypes.RESECTION_REPORTED.name(),
                CaseEventTypes.RESECTION_AMENDED.name(), CaseEventTypes.NON_SARCOMA_FLAGGED.name(),
                CaseEventTypes.RESECTION_AMENDED.name(),
                CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED.name()), events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        ResectionAmended amended = EventCodec.fromJson(events.get(4).value(), ResectionAmended.class);
        assertEquals("G3", amended.grade());
        assertEquals(3, amended.findings().differentiationScore());
        assertEquals("NOT_SARCOMA", EventCodec.fromJson(events.get(2).value(), ResectionAmended.class).histology());
        assertEquals(null, EventCodec.fromJson(events.get(2).value(), ResectionAmended.class).findings(),
                "a non-sarcoma specimen without markers or grade carries no findings");
        assertEquals("DEDIFFERENTIATED_LIPOSARCOMA", amended.histology());
        assertEquals(new SarcomaDiagnosisRestored(caseId, reportId, 3, "DEDIFFERENTIATED_LIPOSARCOMA"),
                EventCodec.fromJson(events.get(5).value(), SarcomaDiagnosisRestored.class));
    }

    /**
     * Issue 19, item 1: a not-sarcoma marker under a sarcoma histology is a discordance on the report, not an exit; the
     * histology NOT_SARCOMA takes the case off the pathway, and amending it back to a sarcoma brings the case back.
     */
    @Test
    void notSarcomaIsThePathologistsCallAndAnAmendmentBackRestoresTheCase() {
        String caseId = referredCase(em, "HUB");
        // A leiomyosarcoma, so without the fixture's MDM2 amplification (which would be flagged in a non-liposarcoma).
        Map<String, Object> lms = with(with(with(biopsy(), "histology", "LEIOMYOSARCOMA"), "molecular", null), "ihc",
                List.of(Map.of("marker", "PAN_CYTOKERATIN", "result", "POSITIVE"), Map.of("marker", "DESMIN", "result", "POSITIVE")));
        String reportId = given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(lms)
                .when().post("/api/cases/" + caseId + "/biopsy-reports")
                .then().statusCode(201)
                .body("alerts.code", contains("CARCINOMA_MARKER_POSITIVE", "SARCOMA_WITH_NON_SARCOMA_MARKER"))
                .body("alerts.severity", everyItem(equalTo("WARNING")))
                .body("nonSarcoma", equalTo(false))
                .extract().path("reportId");
        amend(caseId, reportId, with(lms, "histology", "NOT_SARCOMA"), "the epithelial component is a carcinoma on review");
        amend(caseId, reportId, lms, "second opinion: leiomyosarcoma with focal keratin");

        // The first report alone never flagged the case; the amendment to NOT_SARCOMA did; the one back restored it.
        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 5, Duration.ofSeconds(30));
        List<String> types = events.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertEquals(List.of(CaseEventTypes.BIOPSY_REPORTED.name(),
                CaseEventTypes.BIOPSY_AMENDED.name(), CaseEventTypes.NON_SARCOMA_FLAGGED.name(),
                CaseEventTypes.BIOPSY_AMENDED.name(),
                CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED.name()), types);
        SarcomaDiagnosisRestored restored = EventCodec.fromJson(events.get(4).value(), SarcomaDiagnosisRestored.class);
        assertEquals(new SarcomaDiagnosisRestored(caseId, reportId, 3, "LEIOMYOSARCOMA"), restored);
    }

    private static void amend(String caseId, String reportId, Map<String, Object> biopsy, String reason) {
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(Map.of("reason", reason, "biopsy", biopsy))
                .when().post("/api/cases/" + caseId + "/reports/" + reportId + "/amendments")
                .then().statusCode(201);
    }

    @Test
    void aResectionReportShowsTheSamplingMissChanceAndIsFlaggedWithoutABiopsy() {
        String caseId = referredCase(em, "HUB");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(resection())
                .when().post("/api/cases/" + caseId + "/resection-reports")
                .then().statusCode(201)
                .body("margin", equalTo("R0"))
                .body("assumedInvolvedFraction", equalTo(0.01f))
                .body("marginMissProbability", equalTo(0.669f))
                .body("blocksForFivePercentMiss", equalTo(299))
                .body("alerts.code", contains("RESECTION_WITHOUT_BIOPSY"));
        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 1, Duration.ofSeconds(30));
        ResectionReported reported = EventCodec.fromJson(events.get(0).value(), ResectionReported.class);
        assertEquals("R0", reported.margin());
        assertEquals(0, new java.math.BigDecimal("21.5").compareTo(reported.greatestDimensionCm()));
        assertEquals(0, reported.nodesPositive());
    }

    @Test
    void surgeryPutsTheCaseOnTheResectionWorklistUntilItsReportArrives() {
        String caseId = referredCase(em, "HUB");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(biopsy())
                .when().post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(201);
        CaseEvent surgery = TestEvents.event(CaseEventTypes.TREATMENT_RECORDED, caseId,
                new TreatmentRecorded(caseId, "SURGERY", LocalDate.now()), Instant.now());
        TopicWriter.send(Topics.BOARD, surgery);
        TopicWriter.send(Topics.BOARD, surgery);
        TestEvents.await("resection awaited", 30_000, () -> given().auth().oauth2(Tokens.pathologist()).get("/api/worklist")
                .jsonPath().getList("findAll { it.awaiting == 'RESECTION_REPORT' }.caseId").contains(caseId));

        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(with(resection(), "assumedInvolvedFraction", 0.05))
                .when().post("/api/cases/" + caseId + "/resection-reports")
                .then().statusCode(201)
                .body("marginMissProbability", equalTo(0.129f))
                .body("blocksForFivePercentMiss", equalTo(59))
                .body("alerts", org.hamcrest.Matchers.empty());
        given().auth().oauth2(Tokens.pathologist()).when().get("/api/worklist")
                .then().body("caseId", not(hasItem(caseId)));
    }

    @Test
    void aSurgeryEventThatArrivesBeforeTheReferralStillPutsTheCaseOnTheResectionWorklist() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.TREATMENT_RECORDED, caseId,
                new TreatmentRecorded(caseId, "SURGERY", LocalDate.now()), t.plusSeconds(60)));
        TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(caseId, "SPOKE-NORTH", 12.0));
        TestEvents.await("referral applied after the surgery", 30_000, () -> count(em, "pathology_case where case_id = '" + caseId
                + "' and referring_site = 'SPOKE-NORTH' and awaiting = 'RESECTION_REPORT'") == 1);
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).when().get("/api/cases/" + caseId + "/reports")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.pathologist()).when().get("/api/worklist")
                .then().body("find { it.caseId == '" + caseId + "' }.awaiting", equalTo("RESECTION_REPORT"));
    }

    @Test
    void anAmendmentIsANewVersionWithWhoAndWhyAndCarriesTheNewValues() {
        String caseId = referredCase(em, "HUB");
        String reportId = given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(biopsy())
                .when().post("/api/cases/" + caseId + "/biopsy-reports")
                .then().statusCode(201).extract().path("reportId");
        Map<String, Object> corrected = with(biopsy(), "fnclcc", Map.of("differentiation", 3, "mitosesPer10Hpf", 25, "necrosisPercent", 60));
        given().auth().oauth2(Tokens.token("patho2", "HUB", "pathologist")).contentType(ContentType.JSON)
                .body(Map.of("reason", "mitoses recounted on deeper levels", "biopsy", corrected))
                .when().post("/api/cases/" + caseId + "/reports/" + reportId + "/amendments")
                .then().statusCode(201)
                .body("currentVersion", equalTo(2))
                .body("versions.version", contains(1, 2));

        given().auth().oauth2(Tokens.boardMember("chair", "HUB", "SURGERY", "board-chair"))
                .when().get("/api/cases/" + caseId + "/reports")
                .then().statusCode(200)
                .body("[0].versions[0].result.grade.grade", equalTo("G3"))
                .body("[0].versions[0].result.grade.score", equalTo(6))
                .body("[0].versions[1].result.grade.score", equalTo(8))
                .body("[0].versions[1].recordedBy", equalTo("patho2"))
                .body("[0].versions[1].amendmentReason", equalTo("mitoses recounted on deeper levels"))
                .body("[0].versions[0].report.fnclcc.mitosesPer10Hpf", equalTo(12));

        // The amendment travels as its typed event alone: the union type of the first waves is read from history only.
        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 2, Duration.ofSeconds(30));
        assertEquals(List.of(CaseEventTypes.BIOPSY_REPORTED.name(), CaseEventTypes.BIOPSY_AMENDED.name()),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        BiopsyAmended typed = EventCodec.fromJson(valueOfType(events, CaseEventTypes.BIOPSY_AMENDED), BiopsyAmended.class);
        assertEquals(2, typed.version());
        assertEquals("G3", typed.grade());
        assertEquals(Integer.valueOf(8), typed.score());
        assertEquals(List.of(3, 3, 2), List.of(typed.findings().differentiationScore(), typed.findings().mitosisScore(),
                typed.findings().necrosisScore()), "the recounted components: 25 mitoses score 3, 60 % necrosis 2");
        assertEquals(reportId, typed.reportId());

        // The amendment must be of the report's kind.
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(Map.of("reason", "wrong kind", "resection", resection()))
                .when().post("/api/cases/" + caseId + "/reports/" + reportId + "/amendments")
                .then().statusCode(400).body("errors.field", contains("biopsy"));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(Map.of("biopsy", corrected))
                .when().post("/api/cases/" + caseId + "/reports/" + reportId + "/amendments")
                .then().statusCode(400).body("errors.field", contains("reason"));
    }

    static Stream<Arguments> invalidReports() {
        return Stream.of(
                Arguments.of("biopsy-reports", with(biopsy(), "fnclcc", Map.of("differentiation", 0, "mitosesPer10Hpf", 1, "necrosisPercent", 0)),
                        "fnclcc.differentiation"),
                Arguments.of("biopsy-reports", with(biopsy(), "fnclcc", Map.of("differentiation", 4, "mitosesPer10Hpf", 1, "necrosisPercent", 0)),
                        "fnclcc.differentiation"),
                Arguments.of("biopsy-reports", with(biopsy(), "fnclcc", Map.of("differentiation", 2, "mitosesPer10Hpf", -1, "necrosisPercent", 0)),
                        "fnclcc.mitosesPer10Hpf"),
                Arguments.of("biopsy-reports", with(biopsy(), "fnclcc", Map.of("differentiation", 2, "mitosesPer10Hpf", 1, "necrosisPercent", -1)),
                        "fnclcc.necrosisPercent"),
                Arguments.of("biopsy-reports", with(biopsy(), "fnclcc", Map.of("differentiation", 2, "mitosesPer10Hpf", 1, "necrosisPercent", 101)),
                        "fnclcc.necrosisPercent"),
                Arguments.of("biopsy-reports", with(biopsy(), "histology", "LIPOMA"), "histology"),
                Arguments.of("biopsy-reports", with(biopsy(), "ihc", List.of(Map.of("marker", "CD45", "result", "WEAK"))), "ihc[0].result"),
                Arguments.of("biopsy-reports", with(biopsy(), "ihc", List.of(Map.of("marker", "CD45", "result", "NEGATIVE"),
                        Map.of("marker", "CD45", "result", "POSITIVE"))), "ihc[1]"),
                Arguments.of("biopsy-reports", with(biopsy(), "fnclcc", null), "fnclcc"),
                Arguments.of("resection-reports", with(resection(), "assumedInvolvedFraction", 0), "assumedInvolvedFraction"),
                Arguments.of("resection-reports", with(resection(), "assumedInvolvedFraction", 1), "assumedInvolvedFraction"),
                Arguments.of("resection-reports", with(resection(), "blocksSampled", 0), "blocksSampled"),
                Arguments.of("resection-reports", with(resection(), "margin", "R3"), "margin"),
                Arguments.of("resection-reports", with(resection(), "nodesPositive", 3), "nodesPositive"),
                // the specimen's histology and grade follow the biopsy's rules
                Arguments.of("resection-reports", with(resection(), "histology", "LIPOMA"), "histology"),
                Arguments.of("resection-reports", with(resection(), "fnclcc", Map.of("differentiation", 4)), "fnclcc.differentiation"),
                Arguments.of("resection-reports", with(resection(), "fnclcc", Map.of("necrosisPercent", 101)), "fnclcc.necrosisPercent"),
                Arguments.of("resection-reports", with(resection(), "treatmentEffectPercent", 101), "treatmentEffectPercent"),
                Arguments.of("resection-reports", with(resection(), "ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE"))),
                        "histology"),
                Arguments.of("resection-reports", with(with(resection(), "histology", "LEIOMYOSARCOMA"), "ihc",
                        List.of(Map.of("marker", "DESMIN", "result", "POSITIVE"), Map.of("marker", "DESMIN", "result", "NEGATIVE"))),
                        "ihc[1]"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidReports")
    void invalidReportsAre400NamingTheFieldAndStoreNothing(String endpoint, Map<String, Object> body, String field) {
        String caseId = referredCase(em, "HUB");
        long reports = count(em, "pathology_report");
        long events = count(em, "outbox_event");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases/" + caseId + "/" + endpoint)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(field));
        assertEquals(reports, count(em, "pathology_report"));
        assertEquals(events, count(em, "outbox_event"));
    }

    @Test
    void reportsForAnUnknownCaseAre404AndRolesAreEnforced() {
        String unknown = TestEvents.newCaseId();
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(biopsy())
                .when().post("/api/cases/" + unknown + "/biopsy-reports")
                .then().statusCode(404).contentType("application/problem+json");
        String caseId = referredCase(em, "SPOKE-SOUTH");
        given().contentType(ContentType.JSON).body(biopsy()).when().post("/api/cases/" + caseId + "/biopsy-reports")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(biopsy())
                .when().post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(403);
        given().auth().oauth2(Tokens.boardMember("surgeon", "HUB", "SURGERY", "surgeon", "board-member")).contentType(ContentType.JSON)
                .body(resection()).when().post("/api/cases/" + caseId + "/resection-reports").then().statusCode(403);
        given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).when().get("/api/cases/" + caseId + "/reports")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).when().get("/api/cases/" + caseId + "/reports")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).when().get("/api/cases/" + caseId + "/reports")
                .then().statusCode(200);
    }

    /** A case referred on intake's topic, once pathology has it (shared with PreviewAndDashboardTest). */
    static String referredCase(EntityManager em, String site) {
        String caseId = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(caseId, site, 22.0));
        TestEvents.await("case known to pathology", 30_000, () -> count(em, "pathology_case where case_id = '" + caseId + "'") == 1);
        return caseId;
    }

    static long count(EntityManager em, String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + fromWhere).getSingleResult()).longValue());
    }

    private static String valueOfType(List<ConsumerRecord<String, String>> events, EventType<?> type) {
        return events.stream().filter(r -> type.name().equals(TopicReader.header(r, "ce_type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.name() + " among " + events.size() + " events")).value();
    }
}
