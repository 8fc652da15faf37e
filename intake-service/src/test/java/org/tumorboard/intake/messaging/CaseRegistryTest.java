package org.tumorboard.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.Topics;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.AppliedEffects;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Intake's status and timeline fed by the other services' topics on the real broker: out of order, twice, late. */
@QuarkusTest
class CaseRegistryTest {

    @Test
    void statusFollowsThePathwayWhateverTheOrderAndDuplicatesOfArrival() {
        String caseId = IntakeApi.refer("SPOKE-NORTH");
        Instant t = Instant.now();
        CaseEvent biopsy = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r1", 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G3"), t.plusSeconds(10));
        CaseEvent staged = TestEvents.event(CaseEventTypes.CASE_STAGED, caseId,
                new CaseStaged(caseId, "c", "T4", "N0", "M0", "G3", "IIIB"), t.plusSeconds(20));
        CaseEvent scheduled = TestEvents.event(CaseEventTypes.CASE_SCHEDULED, caseId,
                new CaseScheduled(caseId, "m1", LocalDate.now().plusDays(3)), t.plusSeconds(30));

        // The board's event first, staging's next, pathology's last and twice: status must end at BOARD_SCHEDULED.
        TopicWriter.send(Topics.BOARD, scheduled);
        TopicWriter.send(Topics.STAGING, staged);
        TopicWriter.send(Topics.PATHOLOGY, biopsy);
        RecordMetadata biopsyAgain = TopicWriter.send(Topics.PATHOLOGY, biopsy);
        RecordMetadata stagedAgain = TopicWriter.send(Topics.STAGING, staged);

        TestEvents.await("three events on the timeline", 30_000, () -> IntakeApi.getCase(caseId).getList("timeline").size() == 5);
        // Barrier: the duplicates themselves are consumed before the timeline is judged.
        TopicWriter.awaitConsumed("intake-service", 30_000, biopsyAgain, stagedAgain);
        assertEquals(1, AppliedEffects.committed(biopsy.id()));
        assertEquals(1, AppliedEffects.committed(staged.id()));
        JsonPath view = IntakeApi.getCase(caseId);
        assertEquals("BOARD_SCHEDULED", view.getString("status"));
        assertEquals(List.of(CaseEventTypes.CASE_REFERRED.name(), CaseEventTypes.WORKUP_COMPLETED.name(),
                CaseEventTypes.BIOPSY_REPORTED.name(), CaseEventTypes.CASE_STAGED.name(), CaseEventTypes.CASE_SCHEDULED.name()),
                view.getList("timeline.type"), "each step once, oldest first");
        assertEquals("Biopsy reported: DEDIFFERENTIATED_LIPOSARCOMA, grade G3", view.getString("timeline[2].summary"));
    }

    @Test
    void aRecurrenceSendsTheCaseBackToTheBoardAndALateEventDoesNotUndoIt() {
        String caseId = IntakeApi.refer("HUB");
        Instant t = Instant.now();
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.PLAN_DECIDED, caseId,
                new PlanDecided(caseId, "UPFRONT_RESECTION"), t.plusSeconds(10)));
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.RECURRENCE_RECORDED, caseId,
                new RecurrenceRecorded(caseId, "LOCAL_RECURRENCE", LocalDate.now()), t.plusSeconds(100)));
        TestEvents.await("recurrence", 30_000, () -> "RECURRENCE".equals(IntakeApi.status(caseId)));

        // A redelivered old scheduling (before the recurrence) must not move the case; the new round's does.
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.CASE_SCHEDULED, caseId,
                new CaseScheduled(caseId, "m-old", LocalDate.now()), t.plusSeconds(5)));
        CaseEvent newRound = TestEvents.event(CaseEventTypes.CASE_SCHEDULED, caseId,
                new CaseScheduled(caseId, "m-new", LocalDate.now().plusDays(7)), t.plusSeconds(200));
        TopicWriter.send(Topics.BOARD, newRound);
        TestEvents.await("new round scheduled", 30_000, () -> "BOARD_SCHEDULED".equals(IntakeApi.status(caseId)));
        assertEquals(6, IntakeApi.getCase(caseId).getList("timeline").size(), "the late event is on the timeline all the same");
    }

    /** Issue 19, item 1: not-sarcoma is the pathologist's call, and the pathologist's amendment undoes it. */
    @Test
    void aNotSarcomaCaseAmendedBackToASarcomaIsOnThePathwayAgainAndALateFlagDoesNotUndoIt() {
        String caseId = IntakeApi.refer("HUB");
        Instant t = Instant.now();
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "NOT_SARCOMA", "G3"), t.plusSeconds(10)));
        CaseEvent flagged = TestEvents.event(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                new NonSarcomaFlagged(caseId, "b", List.of("histology: not sarcoma")), t.plusSeconds(10));
        TopicWriter.send(Topics.PATHOLOGY, flagged);
        TestEvents.await("not sarcoma", 30_000, () -> "NOT_SARCOMA".equals(IntakeApi.status(caseId)));

        CaseEvent restored = TestEvents.event(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, caseId,
                new SarcomaDiagnosisRestored(caseId, "b", 2, "LEIOMYOSARCOMA"), t.plusSeconds(20));
        TopicWriter.send(Topics.PATHOLOGY, restored);
        TopicWriter.send(Topics.PATHOLOGY, restored);
        TestEvents.await("back on the pathway", 30_000, () -> "DIAGNOSED".equals(IntakeApi.status(caseId)));
        // The old flag delivered again later (a copy with its own id, dated before the restore): nothing moves.
        RecordMetadata lateAt = TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                new NonSarcomaFlagged(caseId, "b", List.of("histology: not sarcoma")), t.plusSeconds(10)));
        TopicWriter.awaitConsumed("intake-service", 30_000, lateAt);
        assertEquals("DIAGNOSED", IntakeApi.status(caseId));
        assertEquals(1, AppliedEffects.committed(restored.id()));
        JsonPath view = IntakeApi.getCase(caseId);
        assertEquals(1, view.getList("timeline.type").stream().filter(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED.name()::equals).count());
        // The pathway goes on: staging moves the case forward as before.
        TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, caseId,
                new CaseStaged(caseId, "c", "T4", "N0", "M0", "G3", "IIIB"), t.plusSeconds(30)));
        TestEvents.await("staged", 30_000, () -> "STAGED".equals(IntakeApi.status(caseId)));
    }

    /**
     * Issue 19, item 6 (rps-reference.md section 8): with a chest radiograph only, work-up waits for the grade; G1
     * completes it, a grade that is not G1 reopens it (an event, on the timeline, for the board), and a chest CT
     * completes it again. The same grade twice, or late (pathology's commit order decides, not its clock), changes nothing.
     */
    @Test
    void aChestRadiographSufficesOnlyForG1AndWorkupFollowsTheGrade() {
        Map<String, Object> body = Referrals.with(Referrals.valid("HUB"), "imaging.chestImaging",
                Map.of("modality", "RADIOGRAPH", "date", "2026-11-02"));
        String caseId = IntakeApi.refer(body);
        JsonPath referred = IntakeApi.getCase(caseId);
        assertEquals(List.of("CHEST_CT"), referred.getList("workup.missing"), "the grade is not known yet");
        assertEquals("WORKUP", referred.getString("status"));

        Instant t = Instant.now();
        CaseEvent g1 = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r1", 1, "WELL_DIFFERENTIATED_LIPOSARCOMA", "G1"), t);
        TopicWriter.send(Topics.PATHOLOGY, g1);
        TopicWriter.send(Topics.PATHOLOGY, g1);
        TestEvents.await("complete with G1", 30_000, () -> IntakeApi.getCase(caseId).getList("workup.missing").isEmpty());

        CaseEvent g3 = TestEvents.event(CaseEventTypes.BIOPSY_AMENDED, caseId,
                new BiopsyAmended(caseId, "r1", 2, "DEDIFFERENTIATED_LIPOSARCOMA", "G3", 6, List.of()), t.plusSeconds(10));
        TopicWriter.send(Topics.PATHOLOGY, g3);
        RecordMetadata again = TopicWriter.send(Topics.PATHOLOGY, g3);
        TestEvents.await("chest CT asked for", 30_000,
                () -> IntakeApi.getCase(caseId).getList("workup.missing").equals(List.of("CHEST_CT")));
        TopicWriter.awaitConsumed("intake-service", 30_000, again);
        // Issue 22, item 5: a G1 report pathology committed between the two (so numbered before the amendment), delivered
        // late and dated later by a clock running ahead: the amendment's G3 stands and work-up stays open.
        CaseEvent lateG1 = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "r1", 1, "WELL_DIFFERENTIATED_LIPOSARCOMA", "G1"), t.plusSeconds(60), g1.sequence() + 1);
        TopicWriter.awaitConsumed("intake-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, lateG1));
        assertEquals(List.of("CHEST_CT"), IntakeApi.getCase(caseId).getList("workup.missing"), "the late G1 changed nothing");

        List<String> own = TopicReader.forCase(Topics.INTAKE, caseId, 3, Duration.ofSeconds(30)).stream()
                .map(r -> TopicReader.header(r, "ce_type")).filter(type -> !type.equals(CaseEventTypes.CASE_REFERRED.name())).toList();
        assertEquals(List.of(CaseEventTypes.WORKUP_COMPLETED.name(), CaseEventTypes.WORKUP_REOPENED.name()), own,
                "completed by G1 once, reopened by G3 once");
        assertTrue(IntakeApi.getCase(caseId).getList("timeline.summary").stream()
                .anyMatch(line -> line.toString().startsWith("Work-up incomplete again with grade G3: CHEST_CT")));

        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON)
                .body(Map.of("ctAbdomenPelvisDate", "2026-11-01", "chestImaging", Map.of("modality", "CT", "date", "2026-11-20"),
                        "greatestDimensionCm", 22.0, "side", "LEFT", "compartment", "PERIRENAL", "suspiciousNodes", false,
                        "distantLesions", false))
                .put("/api/cases/" + caseId + "/imaging").then().statusCode(200).body("workup.missing", empty());
        assertEquals(4, TopicReader.forCase(Topics.INTAKE, caseId, 5, Duration.ofSeconds(30)).stream()
                .filter(r -> !TopicReader.header(r, "ce_type").equals(CaseEventTypes.IMAGING_UPDATED.name())).count(),
                "referred, completed, reopened, completed again");
    }

    @Test
    void anEventForAnUnknownCaseIsRetriedThenDeadLetteredWithItsReason() {
        String unknown = TestEvents.newCaseId();
        TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, unknown,
                new CaseStaged(unknown, "c", "T1", "N0", "M0", "G1", "IA"), Instant.now()));
        List<ConsumerRecord<String, String>> dead = TopicReader.forCase(Topics.deadLetter("intake-service"), unknown, 1,
                Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        String reason = TopicReader.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason.contains("is not known to intake-service") && reason.contains("after 3 attempts"), reason);

        // The partition flows on: a known case's event after it is applied.
        String known = IntakeApi.refer("HUB");
        TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, known,
                new CaseStaged(known, "c", "T1", "N0", "M0", "G1", "IA"), Instant.now()));
        TestEvents.await("known case staged", 30_000, () -> "STAGED".equals(IntakeApi.status(known)));
    }
}
