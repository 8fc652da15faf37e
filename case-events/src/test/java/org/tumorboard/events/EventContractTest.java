package org.tumorboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventContractTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");

    @Test
    void everyTypeIsUniqueAndTravelsOnAKnownTopic() {
        Set<String> names = new HashSet<>();
        for (EventType<?> type : CaseEventTypes.ALL) {
            assertTrue(names.add(type.name()), "duplicate event type " + type.name());
            assertTrue(Topics.ALL.contains(type.topic()), type.name() + " travels on an unknown topic " + type.topic());
            assertEquals(type, CaseEventTypes.byName(type.name()).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "case-referred", "tumorboard.intake.CaseReferred.v1", "tumorboard.intake.case-referred",
            "tumorboard.intake.case-referred.1", "other.intake.case-referred.v1" })
    void typeNamesMustFollowTheConvention(String name) {
        assertThrows(IllegalArgumentException.class, () -> new EventType<>(name, Topics.INTAKE, CaseReferred.class));
    }

    /**
     * Each type's payload is a fact of the topic its owner publishes on, and of no other: a consumer's
     * switch over one topic's facts sees every type of that topic, and only those.
     */
    @Test
    void everyPayloadIsAFactOfItsOwnersTopicAlone() {
        java.util.Map<String, Class<?>> facts = java.util.Map.of("tumorboard.intake.", IntakeFact.class, "tumorboard.pathology.",
                PathologyFact.class, "tumorboard.staging.", StagingFact.class, "tumorboard.board.", BoardFact.class);
        for (EventType<?> type : CaseEventTypes.ALL) {
            for (java.util.Map.Entry<String, Class<?>> topic : facts.entrySet()) {
                assertEquals(type.name().startsWith(topic.getKey()), topic.getValue().isAssignableFrom(type.payloadClass()),
                        type.name() + " as a " + topic.getValue().getSimpleName());
            }
        }
        // a type this build does not know is a fact of every topic: each consumer ignores it in its own switch
        facts.values().forEach(f -> assertTrue(f.isAssignableFrom(Unknown.class)));
        CaseEvent biopsy = new CaseEvent(java.util.UUID.randomUUID(), Sources.PATHOLOGY, CaseEventTypes.BIOPSY_WAIVED.name(),
                "c-1", NOW, 1, EventCodec.toJson(new BiopsyWaived("c-1")));
        assertEquals(new BiopsyWaived("c-1"), biopsy.payload(BoardFact.class));
        assertThrows(MalformedEventException.class, () -> biopsy.payload(PathologyFact.class), "a board fact read as pathology's");
    }

    /** A payload that names another case than the event's subject (the Kafka key) is applied to neither. */
    @Test
    void aPayloadNamingAnotherCaseIsMalformed() {
        String json = EventCodec.toJson(new BiopsyWaived("c-2"));
        CaseEvent other = new CaseEvent(java.util.UUID.randomUUID(), Sources.BOARD, CaseEventTypes.BIOPSY_WAIVED.name(), "c-1", NOW, 1, json);
        assertThrows(MalformedEventException.class, other::payload);
        assertThrows(MalformedEventException.class, () -> other.payload(CaseEventTypes.BIOPSY_WAIVED));
        assertThrows(MalformedEventException.class, () -> other.payload(BoardFact.class));
        CaseEvent same = new CaseEvent(java.util.UUID.randomUUID(), Sources.BOARD, CaseEventTypes.BIOPSY_WAIVED.name(), "c-2", NOW, 1, json);
        assertEquals(new BiopsyWaived("c-2"), same.payload());
        // a type this build does not know is not read at all
        assertEquals(new Unknown("tumorboard.board.newer.v1"), new CaseEvent(java.util.UUID.randomUUID(), Sources.BOARD,
                "tumorboard.board.newer.v1", "c-1", NOW, 1, json).payload());
    }

    @Test
    void aPayloadSurvivesTheRoundTrip() {
        CaseReferred referred = new CaseReferred("c-1", "SPOKE-NORTH", NOW, new BigDecimal("22.0"), false, null, true);
        CaseEvent event = CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, "c-1", referred, NOW, 1);
        assertEquals(referred, event.payload(CaseEventTypes.CASE_REFERRED));
        assertEquals("c-1", event.caseId());
        assertTrue(event.data().contains("\"referredAt\":\"2026-11-21T10:15:30Z\""), event.data());
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersMayAddOptionalOnes() {
        String json = """
                {"caseId":"c-1","referringSite":"HUB","referredAt":"2026-11-21T10:15:30Z","neoadjuvantConsidered":false,
                 "aFieldFromANewerProducer":42}""";
        assertEquals("HUB", EventCodec.fromJson(json, CaseReferred.class).referringSite());
    }

    @Test
    void aPayloadMissingARequiredFieldIsMalformed() {
        String json = """
                {"caseId":"c-1","referredAt":"2026-11-21T10:15:30Z","neoadjuvantConsidered":false}""";
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventCodec.fromJson(json, CaseReferred.class));
        assertTrue(e.getMessage().contains("referringSite is missing"), e.getMessage());
    }

    @Test
    void aPayloadOfAnotherTypeIsRefused() {
        CaseEvent event = new CaseEvent(java.util.UUID.randomUUID(), Sources.PATHOLOGY, "tumorboard.pathology.biopsy-reported.v1",
                "c-1", NOW, 1, "{}");
        assertFalse(event.is(CaseEventTypes.CASE_REFERRED));
        assertThrows(MalformedEventException.class, () -> event.payload(CaseEventTypes.CASE_REFERRED));
    }

    @Test
    void aSubjectThatIsNotACaseIdIsMalformed() {
        java.util.UUID caseId = java.util.UUID.randomUUID();
        CaseEvent good = new CaseEvent(java.util.UUID.randomUUID(), Sources.INTAKE, CaseEventTypes.CASE_REFERRED.name(),
                caseId.toString(), NOW, 1, "{}");
        assertEquals(caseId, good.caseUuid());
        CaseEvent bad = new CaseEvent(java.util.UUID.randomUUID(), Sources.INTAKE, CaseEventTypes.CASE_REFERRED.name(), "case-1", NOW, 1, "{}");
        assertThrows(MalformedEventException.class, bad::caseUuid);
    }

    @Test
    void anEnvelopeWithoutItsAttributesIsRefused() {
        assertThrows(MalformedEventException.class,
                () -> new CaseEvent(java.util.UUID.randomUUID(), Sources.INTAKE, CaseEventTypes.CASE_REFERRED.name(), " ", NOW, 1, "{}"));
        assertThrows(MalformedEventException.class,
                () -> new CaseEvent(java.util.UUID.randomUUID(), null, CaseEventTypes.CASE_REFERRED.name(), "c-1", NOW, 1, "{}"));
    }

    @Test
    void everyPayloadOfTheSealedContractHasItsEventTypeAndEveryTypeItsPayload() {
        Set<Class<?>> registered = new HashSet<>();
        CaseEventTypes.ALL.forEach(type -> registered.add(type.payloadClass()));
        Set<Class<?>> permitted = new HashSet<>();
        leaves(CaseEventPayload.class, permitted);
        permitted.remove(Unknown.class);
        assertEquals(permitted, registered);
    }

    /** The records under a sealed interface, through the topics' interfaces and the amendments'. */
    private static void leaves(Class<?> sealed, Set<Class<?>> into) {
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isInterface()) {
                leaves(sub, into);
            } else {
                into.add(sub);
            }
        }
    }

    @Test
    void decodingGivesTheTypedPayloadForASwitch() {
        TreatmentRecorded surgery = new TreatmentRecorded("c-1", TreatmentRecorded.SURGERY, java.time.LocalDate.of(2026, 11, 2));
        CaseEvent event = CaseEvent.create(CaseEventTypes.TREATMENT_RECORDED, Sources.BOARD, "c-1", surgery, NOW, 1);
        CaseEventPayload payload = event.payload();
        assertEquals(surgery, payload);
        assertTrue(payload instanceof TreatmentRecorded t && t.isSurgery() && !t.isNeoadjuvant());
    }

    @Test
    void aTypeFromANewerProducerDecodesAsUnknown() {
        CaseEvent event = new CaseEvent(java.util.UUID.randomUUID(), Sources.BOARD, "tumorboard.board.something-new.v1", "c-1", NOW, 1,
                "{\"caseId\":\"c-1\"}");
        assertEquals(new Unknown("tumorboard.board.something-new.v1"), event.payload());
    }

    @Test
    void aKnownTypeWithABadPayloadIsMalformedNotUnknown() {
        CaseEvent event = new CaseEvent(java.util.UUID.randomUUID(), Sources.INTAKE, CaseEventTypes.CASE_REFERRED.name(), "c-1", NOW, 1,
                "{\"caseId\":\"c-1\"}");
        assertThrows(MalformedEventException.class, event::payload);
    }

    @Test
    void theVocabularyIsNotWrittenIntoThePayload() {
        String json = EventCodec.toJson(new TreatmentRecorded("c-1", "NEOADJUVANT_CHEMOTHERAPY_STARTED", null));
        assertFalse(json.contains("surgery") || json.contains("neoadjuvant\""), json);
        assertFalse(EventCodec.toJson(new ResectionReported("c-1", "r", 1, "R2")).contains("grossResidual"));
        assertFalse(EventCodec.toJson(new CaseStaged("c-1", "c", "T4", "N0", "M1", "G3", "IV")).contains("metastatic"));
        assertFalse(EventCodec.toJson(new PlanDecided("c-1", "UPFRONT_RESECTION")).contains("notResectable"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "null", value = {
            // grade, known high, known low
            "G1, false, true",
            "G2, true, false",
            "G3, true, false",
            "GX, false, false",
            "null, false, false" })
    void gxIsNeitherAKnownHighNorAKnownLowGrade(String grade, boolean high, boolean low) {
        assertEquals(high, Grades.knownHighGrade(grade));
        assertEquals(low, Grades.knownLowGrade(grade));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "SURGERY, true, false",
            "NEOADJUVANT_CHEMOTHERAPY_STARTED, false, true",
            "NEOADJUVANT_RADIOTHERAPY_COMPLETED, false, true",
            "NOT_IMPLEMENTED, false, false" })
    void treatmentTypes(String type, boolean surgery, boolean neoadjuvant) {
        TreatmentRecorded t = new TreatmentRecorded("c-1", type, null);
        assertEquals(surgery, t.isSurgery());
        assertEquals(neoadjuvant, t.isNeoadjuvant());
    }

    @Test
    void aLegacyAmendmentReadsAsTheTypedOne() {
        ReportAmended biopsy = new ReportAmended("c-1", "r", 2, ReportAmended.BIOPSY, "LEIOMYOSARCOMA", "G3");
        assertEquals(new BiopsyAmended("c-1", "r", 2, "LEIOMYOSARCOMA", "G3", null, java.util.List.of()), biopsy.asSpecificAmendment());
        ReportAmended resection = new ReportAmended("c-1", "r", 3, ReportAmended.RESECTION, null, null, "R2",
                new BigDecimal("20.5"), 4, 1);
        ResectionAmended typed = (ResectionAmended) resection.asSpecificAmendment();
        assertEquals(new ResectionAmended("c-1", "r", 3, "R2", new BigDecimal("20.5"), 4, 1, null), typed);
        assertTrue(typed.grossResidual());
    }
}
