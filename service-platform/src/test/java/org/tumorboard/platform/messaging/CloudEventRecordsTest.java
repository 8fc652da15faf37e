package org.tumorboard.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Topics;

class CloudEventRecordsTest {

    private static final CaseEvent EVENT = new CaseEvent(UUID.fromString("6f1c6a52-52b4-4a7e-9f3a-0d7f3b0e9a11"), Sources.INTAKE,
            "tumorboard.intake.case-referred.v1", "case-1", Instant.parse("2026-11-21T10:15:30Z"), 7, "{\"caseId\":\"case-1\"}");

    @Test
    void anEventSurvivesTheRecordRoundTrip() {
        ProducerRecord<String, String> produced = CloudEventRecords.toRecord(Topics.INTAKE, EVENT);
        assertEquals("case-1", produced.key(), "the Kafka key is the case id");
        assertEquals(EVENT, CloudEventRecords.fromRecord(consumed(produced.key(), produced.value(), produced)));
    }

    /** A record from before sequences were assigned orders before every sequenced one. */
    @Test
    void aRecordWithoutASequenceIsUnsequenced() {
        ProducerRecord<String, String> produced = CloudEventRecords.toRecord(Topics.INTAKE, EVENT);
        produced.headers().remove(CloudEventRecords.SEQUENCE);
        CaseEvent event = CloudEventRecords.fromRecord(consumed(produced.key(), produced.value(), produced));
        assertEquals(CaseEvent.UNSEQUENCED, event.sequence());
        assertFalse(event.notOlderThan(1L));
        assertTrue(event.notOlderThan(null));
        assertTrue(EVENT.notOlderThan(7L) && !EVENT.notOlderThan(8L));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("no ce_specversion", "ce_specversion", null, "case-1", "{}", "not a CloudEvents 1.0 record"),
                Arguments.of("id not a UUID", "ce_id", "42", "case-1", "{}", "'id' is not a UUID"),
                Arguments.of("no id", "ce_id", null, "case-1", "{}", "'id' is missing"),
                Arguments.of("subject differs from the key", "ce_subject", "case-2", "case-1", "{}", "equal the record key"),
                Arguments.of("no time", "ce_time", null, "case-1", "{}", "'time' is missing"),
                Arguments.of("time not RFC 3339", "ce_time", "yesterday", "case-1", "{}", "not an RFC 3339 timestamp"),
                Arguments.of("no type", "ce_type", null, "case-1", "{}", "'type' is missing"),
                Arguments.of("sequence not a number", "ce_casesequence", "later", "case-1", "{}", "'casesequence' is not a non-negative integer"),
                Arguments.of("sequence negative", "ce_casesequence", "-3", "case-1", "{}", "'casesequence' is not a non-negative integer"),
                Arguments.of("value not JSON", null, null, "case-1", "{not json", "payload is not JSON"),
                Arguments.of("no value", null, null, "case-1", null, "has no payload"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedRecordSaysWhatIsWrong(String why, String header, String headerValue, String key, String value, String reason) {
        ProducerRecord<String, String> produced = CloudEventRecords.toRecord(Topics.INTAKE, EVENT);
        if (header != null) {
            produced.headers().remove(header);
            if (headerValue != null) {
                produced.headers().add(header, headerValue.getBytes(StandardCharsets.UTF_8));
            }
        }
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> CloudEventRecords.fromRecord(consumed(key, value, produced)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static ConsumerRecord<String, String> consumed(String key, String value, ProducerRecord<String, String> produced) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.INTAKE, 0, 0L, key, value);
        produced.headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
