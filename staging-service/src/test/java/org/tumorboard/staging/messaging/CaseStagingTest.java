package org.tumorboard.staging.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Topics;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.testsupport.AppliedEffects;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Staging from the other services' events on the real broker: any order, duplicates, amendments, c to p to yp. */
@QuarkusTest
class CaseStagingTest {

    @Inject
    EntityManager em;

    private static final String CHAIR = Tokens.boardMember("chair", "HUB", "SURGERY", "board-chair", "board-member");

    @Test
    void theCaseIsStagedOnceEveryInputIsKnownWhateverTheOrderOfArrival() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        CaseEvent biopsy = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r1", 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G2"), t.plusSeconds(60));
        // Pathology's event first, twice; intake's referral after it.
        TopicWriter.send(Topics.PATHOLOGY, biopsy);
        TopicWriter.send(Topics.PATHOLOGY, biopsy);
        CaseEvent referred = referral(caseId, "22.0", t);
        TopicWriter.send(Topics.INTAKE, referred);

        List<ConsumerRecord<String, String>> staged = TopicReader.forCase(Topics.STAGING, caseId, 1, Duration.ofSeconds(30));
        assertEquals(1, staged.size(), "staged once: the duplicate changed nothing");
        assertEquals(1, AppliedEffects.committed(biopsy.id()), "the duplicate's effect is not applied again");
        CaseStaged event = EventCodec.fromJson(staged.get(0).value(), CaseStaged.class);
        assertEquals(new CaseStaged(caseId, "c", "T4", "N0", "M0", "G2", "IIIB", "AJCC8_RETROPERITONEUM", "LOCAL_AND_DISTANT",
                List.of("initial")), event);

        JsonPath view = staging(caseId);
        assertEquals(true, view.getBoolean("complete"));
        assertEquals("c", view.getString("prefix"));
        assertEquals("IIIB", view.getString("group"));
        assertEquals("AJCC8_RETROPERITONEUM", view.getString("edition"));
        assertEquals("LOCAL_AND_DISTANT", view.getString("failurePattern.pattern"));
        assertEquals(biopsy.id().toString(), view.getString("inputs.find { it.name == 'grade' }.eventId"));
        assertEquals(referred.id().toString(), view.getString("inputs.find { it.name == 'greatestDimensionCm' }.eventId"));
        assertEquals(1, history(caseId).size());
    }

    @Test
    void anAmendedGradeReStagesAndALateOlderVersionDoesNotUndoIt() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, referral(caseId, "8.0", t));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r1", 1, "LEIOMYOSARCOMA", "G1"), t.plusSeconds(10)));
        TestEvents.await("staged IB", 30_000, () -> "IB".equals(fieldOf(caseId, "group")));

        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.REPORT_AMENDED, caseId,
                new ReportAmended(caseId, "r1", 2, "BIOPSY", "LEIOMYOSARCOMA", "G3"), t.plusSeconds(20)));
        TestEvents.await("re-staged IIIA", 30_000, () -> "IIIA".equals(fieldOf(caseId, "group")));
        // An older version delivered late again: it must not bring G1 back.
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r1", 1, "LEIOMYOSARCOMA", "G1"), t.plusSeconds(10)));
        CaseEvent sameGradeAgain = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r-other", 1, "LEIOMYOSARCOMA", "G3"), t.plusSeconds(30));
        TopicWriter.send(Topics.PATHOLOGY, sameGradeAgain);
        // Same partition as the late one: once this is in the inbox, both were processed.
        TestEvents.await("the later event processed", 30_000, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = '" + sameGradeAgain.id() + "'")
                .getSingleResult()).intValue() == 1));

        List<Object> history = history(caseId);
        assertEquals(2, history.size(), "an unchanged input makes no new staging");
        JsonPath h = given().auth().oauth2(CHAIR).get("/api/cases/" + caseId + "/staging/history").jsonPath();
        assertEquals(List.of("IB", "IIIA"), h.getList("group"));
        assertEquals(List.of("grade"), h.getList("[1].changed"));
        assertEquals("DISTANT_DOMINANT", h.getString("[1].failurePattern.pattern"));
    }

    /**
     * Issue 22, item 5: pathology's commit order decides, not its clock. An amendment committed after the report but
     * dated an hour earlier (pathology's clock stepped back) re-stages; a version committed before it, delivered late
     * and dated a minute ahead, changes nothing.
     */
    @Test
    void theOwnersCommitOrderNotItsClockDecidesWhichVersionStands() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, referral(caseId, "8.0", t));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r1", 1, "LEIOMYOSARCOMA", "G1"), t, 1));
        TestEvents.await("staged IB", 30_000, () -> "IB".equals(fieldOf(caseId, "group")));

        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.REPORT_AMENDED, caseId,
                new ReportAmended(caseId, "r1", 3, "BIOPSY", "LEIOMYOSARCOMA", "G3"), t.minusSeconds(3600), 3));
        TestEvents.await("re-staged IIIA by the later commit", 30_000, () -> "IIIA".equals(fieldOf(caseId, "group")));

        CaseEvent committedBetween = TestEvents.event(CaseEventTypes.REPORT_AMENDED, caseId,
                new ReportAmended(caseId, "r1", 2, "BIOPSY", "LEIOMYOSARCOMA", "G2"), t.plusSeconds(60), 2);
        TopicWriter.awaitConsumed("staging-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, committedBetween));
        assertEquals(1, AppliedEffects.committed(committedBetween.id()));
        assertEquals("IIIA", staging(caseId).getString("group"), "the earlier commit changes nothing");
        assertEquals(List.of("IB", "IIIA"), given().auth().oauth2(CHAIR).get("/api/cases/" + caseId + "/staging/history")
                .jsonPath().getList("group"));
    }

    @Test
    void theResectionReportReStagesPathologicallyAndNeoadjuvantTherapyMakesItYp() {
        String plain = TestEvents.newCaseId();
        String neo = TestEvents.newCaseId();
        Instant t = Instant.now();
        for (String caseId : List.of(plain, neo)) {
            TopicWriter.send(Topics.INTAKE, referral(caseId, "16.0", t));
            TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                    new BiopsyReported(caseId, "b", 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G3"), t.plusSeconds(10)));
        }
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.TREATMENT_RECORDED, neo,
                new TreatmentRecorded(neo, "NEOADJUVANT_RADIOTHERAPY_STARTED", LocalDate.now()), t.plusSeconds(20)));
        for (String caseId : List.of(plain, neo)) {
            TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId,
                    new ResectionReported(caseId, "rs", 1, "R0", new BigDecimal("14.0"), 3, 1, new BigDecimal("0.669")),
                    t.plusSeconds(30)));
        }
        TestEvents.await("p staging", 30_000, () -> "p".equals(staging(plain).getString("prefix")));
        JsonPath p = staging(plain);
        assertEquals(List.of("T3", "N1", "M0", "G3", "IIIB"), List.of(p.getString("t"), p.getString("n"), p.getString("m"),
                p.getString("g"), p.getString("group")));
        assertEquals(List.of("prefix", "greatestDimensionCm", "nodes"), p.getList("changed"));

        TestEvents.await("yp staging", 30_000, () -> "yp".equals(staging(neo).getString("prefix")));
        assertEquals(List.of("c", "yp"), given().auth().oauth2(CHAIR).get("/api/cases/" + neo + "/staging/history")
                .jsonPath().getList("prefix"));
    }

    /** Issue 19, item 2: an amendment to NOT_SARCOMA leaves no sarcoma stage (history kept); back to a sarcoma, back. */
    @Test
    void aCaseAmendedToNotSarcomaHasNoSarcomaStageAndComesBackWhenAmendedBack() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, referral(caseId, "16.0", t));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G3"), t.plusSeconds(10)));
        TestEvents.await("staged IIIB", 30_000, () -> "IIIB".equals(fieldOf(caseId, "group")));

        CaseEvent notSarcoma = TestEvents.event(CaseEventTypes.BIOPSY_AMENDED, caseId,
                new BiopsyAmended(caseId, "b", 2, "NOT_SARCOMA", "G3", 6, List.of()), t.plusSeconds(20));
        TopicWriter.send(Topics.PATHOLOGY, notSarcoma);
        TopicWriter.send(Topics.PATHOLOGY, notSarcoma);
        TestEvents.await("not applicable", 30_000, () -> fieldOf(caseId, "notApplicable") != null);
        JsonPath none = staging(caseId);
        assertEquals(false, none.getBoolean("complete"));
        assertNull(none.getString("group"));
        assertTrue(none.getString("notApplicable").contains("NOT_SARCOMA"), none.getString("notApplicable"));
        // The older sarcoma report delivered late changes nothing.
        RecordMetadata lateAt = TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G3"), t.plusSeconds(10)));
        TopicWriter.awaitConsumed("staging-service", 30_000, lateAt);
        assertTrue(staging(caseId).getString("notApplicable") != null);
        assertEquals(List.of("IIIB"), history(caseId).stream().map(h -> ((java.util.Map<?, ?>) h).get("group")).toList(),
                "the history keeps what was staged");

        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_AMENDED, caseId,
                new BiopsyAmended(caseId, "b", 3, "DEDIFFERENTIATED_LIPOSARCOMA", "G3", 6, List.of()), t.plusSeconds(30)));
        TestEvents.await("staged again", 30_000, () -> "IIIB".equals(fieldOf(caseId, "group")));
        assertNull(staging(caseId).getString("notApplicable"));
        assertEquals(1, AppliedEffects.committed(notSarcoma.id()));
    }

    /**
     * Issue 19, item 4: the WDLPS on core biopsy found dedifferentiated (G3) in the specimen is staged pG3 with the
     * dedifferentiated failure pattern; the report delivered twice stages once; a late copy of the first version undoes
     * nothing; a neoadjuvant therapy recorded afterwards makes it yp with the pre-treatment grade and the treatment effect.
     */
    @Test
    void theReAssessedSpecimenStagesThePathologicStageAndYpKeepsThePreTreatmentGrade() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, referral(caseId, "8.0", t));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "WELL_DIFFERENTIATED_LIPOSARCOMA", "G1"), t.plusSeconds(10)));
        TestEvents.await("cG1 IB", 30_000, () -> "IB".equals(fieldOf(caseId, "group")));

        CaseEvent specimen = TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId, new ResectionReported(caseId, "rs", 1, "R0",
                new BigDecimal("8.0"), 2, 0, new BigDecimal("0.669"), "DEDIFFERENTIATED_LIPOSARCOMA", "G3", new BigDecimal("30"),
                List.of()), t.plusSeconds(30));
        TopicWriter.send(Topics.PATHOLOGY, specimen);
        TopicWriter.send(Topics.PATHOLOGY, specimen);
        TestEvents.await("pG3 IIIA", 30_000, () -> "IIIA".equals(fieldOf(caseId, "group")));
        JsonPath p = staging(caseId);
        assertEquals(List.of("p", "G3", "LOCAL_AND_DISTANT"), List.of(p.getString("prefix"), p.getString("g"),
                p.getString("failurePattern.pattern")));
        assertEquals(specimen.id().toString(), p.getString("inputs.find { it.name == 'grade' }.eventId"));
        assertEquals("DEDIFFERENTIATED_LIPOSARCOMA", p.getString("inputs.find { it.name == 'histology' }.value"));
        assertEquals(1, AppliedEffects.committed(specimen.id()));

        // The amendment finds the specimen G2 after all; a late copy of version 1 undoes nothing.
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_AMENDED, caseId, new ResectionAmended(caseId,
                "rs", 2, "R0", new BigDecimal("8.0"), 2, 0, new BigDecimal("0.669"), "DEDIFFERENTIATED_LIPOSARCOMA", "G2",
                new BigDecimal("30"), List.of()), t.plusSeconds(40)));
        TestEvents.await("pG2", 30_000, () -> "G2".equals(fieldOf(caseId, "g")));
        RecordMetadata lateAt = TopicWriter.send(Topics.PATHOLOGY, specimen);
        TopicWriter.awaitConsumed("staging-service", 30_000, lateAt);
        assertEquals("G2", staging(caseId).getString("g"));

        // Neoadjuvant therapy learnt afterwards: yp, graded by the pre-treatment biopsy, the treatment effect recorded.
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.TREATMENT_RECORDED, caseId,
                new TreatmentRecorded(caseId, "NEOADJUVANT_CHEMOTHERAPY_COMPLETED", LocalDate.now()), t.plusSeconds(50)));
        TestEvents.await("yp", 30_000, () -> "yp".equals(fieldOf(caseId, "prefix")));
        JsonPath yp = staging(caseId);
        assertEquals(List.of("G1", "IB"), List.of(yp.getString("g"), yp.getString("group")));
        assertEquals("30", yp.getString("inputs.find { it.name == 'treatmentEffectPercent' }.value"));
        assertEquals(List.of("c", "p", "p", "yp"), history(caseId).stream().map(h -> ((java.util.Map<?, ?>) h).get("prefix")).toList());
    }

    /**
     * Issue 20, path 2: a distant metastasis found in surveillance is staged again, rM1 stage IV, the earlier stagings
     * kept; delivered twice it stages once; a late local recurrence (older) changes nothing.
     */
    @Test
    void aRecurrenceIsStagedAgainWithPrefixRAndTheHistoryKept() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, referral(caseId, "16.0", t));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "LEIOMYOSARCOMA", "G3"), t.plusSeconds(10)));
        TestEvents.await("c staging", 30_000, () -> "IIIB".equals(fieldOf(caseId, "group")));
        CaseEvent distant = TestEvents.event(CaseEventTypes.RECURRENCE_RECORDED, caseId,
                new org.tumorboard.events.RecurrenceRecorded(caseId, "DISTANT_METASTASIS", LocalDate.now()), t.plusSeconds(30));
        TopicWriter.send(Topics.BOARD, distant);
        TopicWriter.send(Topics.BOARD, distant);
        TestEvents.await("r staging", 30_000, () -> "r".equals(fieldOf(caseId, "prefix")));
        JsonPath r = staging(caseId);
        assertEquals(List.of("M1", "IV"), List.of(r.getString("m"), r.getString("group")));
        assertEquals(distant.id().toString(), r.getString("inputs.find { it.name == 'metastasis' }.eventId"));
        RecordMetadata lateAt = TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.RECURRENCE_RECORDED, caseId,
                new org.tumorboard.events.RecurrenceRecorded(caseId, "LOCAL_RECURRENCE", LocalDate.now()), t.plusSeconds(20)));
        TopicWriter.awaitConsumed("staging-service", 30_000, lateAt);
        assertEquals("IV", staging(caseId).getString("group"));
        assertEquals(List.of("c", "r"), history(caseId).stream().map(h -> ((java.util.Map<?, ?>) h).get("prefix")).toList());
        assertEquals(1, AppliedEffects.committed(distant.id()));
        List<ConsumerRecord<String, String>> staged = TopicReader.forCase(Topics.STAGING, caseId, 2, Duration.ofSeconds(30));
        assertEquals("r", EventCodec.fromJson(staged.get(1).value(), CaseStaged.class).prefix());
    }

    /**
     * Issue 20, path 5: the chair waived the biopsy: the case is staged clinically graded GX (grouped as G1); a biopsy
     * reported after all, even one made before the waiver, replaces it.
     */
    @Test
    void aWaivedBiopsyIsStagedGxUntilPathologyReports() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, referral(caseId, "16.0", t));
        CaseEvent waived = TestEvents.event(CaseEventTypes.BIOPSY_WAIVED, caseId, new org.tumorboard.events.BiopsyWaived(caseId),
                t.plusSeconds(20));
        TopicWriter.send(Topics.BOARD, waived);
        TopicWriter.send(Topics.BOARD, waived);
        TestEvents.await("cGX", 30_000, () -> "GX".equals(fieldOf(caseId, "g")));
        JsonPath gx = staging(caseId);
        assertEquals(List.of("c", "IB"), List.of(gx.getString("prefix"), gx.getString("group")));
        assertEquals(waived.id().toString(), gx.getString("inputs.find { it.name == 'grade' }.eventId"));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "LEIOMYOSARCOMA", "G3"), t.plusSeconds(10)));
        TestEvents.await("cG3", 30_000, () -> "G3".equals(fieldOf(caseId, "g")));
        assertEquals(1, AppliedEffects.committed(waived.id()));
    }

    /** rps-reference.md section 8: pN needs examined nodes; none examined keeps the clinical N (issue 19, item 5). */
    @Test
    void aResectionWithNoNodeExaminedNeverDownStagesAndAnAmendmentWithExaminedNodesDoes() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId,
                new CaseReferred(caseId, "HUB", t, new BigDecimal("8.0"), true, false, false), t, TestEvents.sequenceAt(t)));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "LEIOMYOSARCOMA", "G3"), t.plusSeconds(10)));
        TestEvents.await("cN1 IIIB", 30_000, () -> "IIIB".equals(fieldOf(caseId, "group")));

        // No node examined, twice: pNX, the clinical N1 stands, one p staging.
        CaseEvent noNodes = TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId,
                new ResectionReported(caseId, "rs", 1, "R0", new BigDecimal("8.0"), 0, 0, new BigDecimal("0.669")), t.plusSeconds(30));
        TopicWriter.send(Topics.PATHOLOGY, noNodes);
        TopicWriter.send(Topics.PATHOLOGY, noNodes);
        TestEvents.await("p staging", 30_000, () -> "p".equals(fieldOf(caseId, "prefix")));
        JsonPath p = staging(caseId);
        assertEquals(List.of("N1", "IIIB"), List.of(p.getString("n"), p.getString("group")));
        assertEquals("NX", p.getString("inputs.find { it.name == 'pathologicNodes' }.value"));

        // The amended report counts ten nodes, none involved: now pN0, IIIA. A late copy of version 1 undoes nothing.
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_AMENDED, caseId,
                new ResectionAmended(caseId, "rs", 2, "R0", new BigDecimal("8.0"), 10, 0, new BigDecimal("0.669")),
                t.plusSeconds(40)));
        TestEvents.await("pN0 IIIA", 30_000, () -> "IIIA".equals(fieldOf(caseId, "group")));
        CaseEvent late = TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId,
                new ResectionReported(caseId, "rs", 1, "R0", new BigDecimal("8.0"), 0, 0, new BigDecimal("0.669")), t.plusSeconds(30));
        RecordMetadata lateAt = TopicWriter.send(Topics.PATHOLOGY, late);
        TopicWriter.awaitConsumed("staging-service", 30_000, lateAt);
        assertEquals("IIIA", staging(caseId).getString("group"));
        assertEquals(1, AppliedEffects.committed(noNodes.id()));
        assertEquals(List.of("IIIB", "IIIB", "IIIA"), given().auth().oauth2(CHAIR).get("/api/cases/" + caseId + "/staging/history")
                .jsonPath().getList("group"));
    }

    @Test
    void whileAnInputIsMissingTheCaseSaysWhich() {
        String caseId = TestEvents.newCaseId();
        CaseReferred noDistantAssessment = new CaseReferred(caseId, "HUB", Instant.now(), new BigDecimal("4.0"), null, null, false);
        TopicWriter.send(Topics.INTAKE, CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId, noDistantAssessment,
                Instant.now(), TestEvents.sequenceAt(Instant.now())));
        TestEvents.await("case known", 30_000, () -> given().auth().oauth2(CHAIR).get("/api/cases/" + caseId + "/staging").statusCode() == 200);
        given().auth().oauth2(CHAIR).when().get("/api/cases/" + caseId + "/staging")
                .then().body("complete", equalTo(false))
                .body("missing", contains("METASTATIC_STATUS", "GRADE"));
    }

    private static CaseEvent referral(String caseId, String sizeCm, Instant time) {
        return CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId,
                new CaseReferred(caseId, "HUB", time, new BigDecimal(sizeCm), false, false, true), time, TestEvents.sequenceAt(time));
    }

    private static JsonPath staging(String caseId) {
        return given().auth().oauth2(CHAIR).when().get("/api/cases/" + caseId + "/staging")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A field of the staging view while waiting for it: null while the case is not known here yet (404). */
    private static String fieldOf(String caseId, String field) {
        var response = given().auth().oauth2(CHAIR).when().get("/api/cases/" + caseId + "/staging");
        return response.statusCode() == 200 ? response.jsonPath().getString(field) : null;
    }

    private static List<Object> history(String caseId) {
        return given().auth().oauth2(CHAIR).when().get("/api/cases/" + caseId + "/staging/history")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
