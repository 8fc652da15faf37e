package org.tumorboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Issue 22, items 2-4: what a consumer believes of an event's payload, its topic and its site, row by row
 * ({@code payload-checks.csv}).
 */
class PayloadChecksTest {

    @ParameterizedTest(name = "{0} {2}")
    @CsvFileSource(resources = "/payload-checks.csv", delimiter = '|', numLinesToSkip = 1, nullValues = "")
    void aPayloadMeetsTheRangesAndVocabulariesOfTheRestSide(String type, String payload, String refusedField) {
        EventType<?> eventType = CaseEventTypes.ALL.stream().filter(t -> t.payloadClass().getSimpleName()
                .equals(camel(type))).findFirst().orElseThrow(() -> new AssertionError("no event type " + type));
        if (refusedField == null) {
            assertEquals(eventType.payloadClass(), decode(eventType, payload).getClass());
        } else {
            MalformedEventException refused = assertThrows(MalformedEventException.class, () -> decode(eventType, payload));
            assertTrue(refused.getMessage().contains(refusedField + " "), refused.getMessage());
        }
    }

    @Test
    void eachTopicHasOneOwner() {
        assertEquals(Optional.of(new Topics.Owner(Sources.PATHOLOGY, "tumorboard.pathology.")), Topics.owner(Topics.PATHOLOGY));
        for (EventType<?> type : CaseEventTypes.ALL) {
            Topics.Owner owner = Topics.owner(type.topic()).orElseThrow();
            assertTrue(type.name().startsWith(owner.typePrefix()), type.name() + " on " + type.topic());
        }
        assertEquals(Optional.empty(), Topics.owner("someone.else"));
    }

    @Test
    void onlyTheFirstReferralSetsACasesSite() {
        CaseReferred referral = new CaseReferred("c1", "SPOKE-NORTH", Instant.now(), null, null, null, false);
        assertEquals("SPOKE-NORTH", referral.siteFor(null));
        assertEquals("SPOKE-NORTH", referral.siteFor("SPOKE-NORTH"));
        MalformedEventException moved = assertThrows(MalformedEventException.class, () -> referral.siteFor("HUB"));
        assertTrue(moved.getMessage().contains("CaseReferred.referringSite"), moved.getMessage());
    }

    private static Object decode(EventType<?> type, String payload) {
        return EventCodec.fromJson(payload, type.payloadClass());
    }

    /** CASE_REFERRED -> CaseReferred. */
    private static String camel(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }
}
