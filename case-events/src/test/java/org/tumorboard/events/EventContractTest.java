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
import org.tumorboard.events.intake.CaseReferred;

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

    @Test
    void aPayloadSurvivesTheRoundTrip() {
        CaseReferred referred = new CaseReferred("c-1", "SPOKE-NORTH", NOW, new BigDecimal("22.0"), false, null, true);
        CaseEvent event = CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, "c-1", referred, NOW);
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
                "c-1", NOW, "{}");
        assertFalse(event.is(CaseEventTypes.CASE_REFERRED));
        assertThrows(MalformedEventException.class, () -> event.payload(CaseEventTypes.CASE_REFERRED));
    }

    @Test
    void aSubjectThatIsNotACaseIdIsMalformed() {
        java.util.UUID caseId = java.util.UUID.randomUUID();
        CaseEvent good = new CaseEvent(java.util.UUID.randomUUID(), Sources.INTAKE, CaseEventTypes.CASE_REFERRED.name(),
                caseId.toString(), NOW, "{}");
        assertEquals(caseId, good.caseUuid());
        CaseEvent bad = new CaseEvent(java.util.UUID.randomUUID(), Sources.INTAKE, CaseEventTypes.CASE_REFERRED.name(), "case-1", NOW, "{}");
        assertThrows(MalformedEventException.class, bad::caseUuid);
    }

    @Test
    void anEnvelopeWithoutItsAttributesIsRefused() {
        assertThrows(MalformedEventException.class,
                () -> new CaseEvent(java.util.UUID.randomUUID(), Sources.INTAKE, CaseEventTypes.CASE_REFERRED.name(), " ", NOW, "{}"));
        assertThrows(MalformedEventException.class,
                () -> new CaseEvent(java.util.UUID.randomUUID(), null, CaseEventTypes.CASE_REFERRED.name(), "c-1", NOW, "{}"));
    }
}
