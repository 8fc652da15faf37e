package org.tumorboard.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.events.Topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CloudEvents Kafka protocol binding, binary content mode: attributes in {@code ce_*} headers,
 * the JSON payload as the record value, the case id as the key.
 */
public final class CloudEventRecords {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** The owner's per-case commit sequence ({@link CaseEvent#sequence()}), a decimal integer. */
    public static final String SEQUENCE = "ce_casesequence";
    /** On an owner's correction: the id of the event it corrects (issue 22, item 6). */
    public static final String CORRECTS = "ce_corrects";
    public static final String CONTENT_TYPE = "content-type";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, CaseEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), event.data());
        Headers headers = record.headers();
        add(headers, SPEC_VERSION, CaseEvent.SPEC_VERSION);
        add(headers, ID, event.id().toString());
        add(headers, SOURCE, event.source());
        add(headers, TYPE, event.type());
        add(headers, SUBJECT, event.subject());
        add(headers, TIME, event.time().toString());
        add(headers, SEQUENCE, Long.toString(event.sequence()));
        add(headers, CONTENT_TYPE, CaseEvent.DATA_CONTENT_TYPE);
        return record;
    }

    /** The event carried by a record, or {@link MalformedEventException} saying what is wrong with it. */
    public static CaseEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = header(headers, SPEC_VERSION);
        if (!CaseEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("not a CloudEvents " + CaseEvent.SPEC_VERSION + " record (ce_specversion: " + specVersion + ")");
        }
        UUID id = parseId(header(headers, ID));
        String subject = header(headers, SUBJECT);
        if (subject == null || !subject.equals(record.key())) {
            throw new MalformedEventException("event " + id + ": ce_subject must be the case id and equal the record key");
        }
        String value = record.value();
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event " + id + " has no payload");
        }
        try {
            JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + id + ": payload is not JSON: " + e.getOriginalMessage());
        }
        CaseEvent event = new CaseEvent(id, header(headers, SOURCE), header(headers, TYPE), subject,
                parseTime(id, header(headers, TIME)), parseSequence(id, header(headers, SEQUENCE)), value);
        checkOwner(record.topic(), event);
        return event;
    }

    /**
     * Issue 22, item 2: a topic has one owner. An event whose source is not the topic owner's, or whose type is another
     * service's (or, for a type this contract does not know, not under the owner's prefix), is malformed.
     */
    static void checkOwner(String topic, CaseEvent event) {
        Topics.owner(topic).ifPresent(owner -> {
            if (!owner.source().equals(event.source())) {
                throw new MalformedEventException("event " + event.id() + ": source '" + event.source() + "' may not publish on "
                        + topic + " (its owner is " + owner.source() + ")");
            }
            boolean owned = CaseEventTypes.byName(event.type()).map(known -> known.topic().equals(topic))
                    .orElseGet(() -> event.type().startsWith(owner.typePrefix()));
            if (!owned) {
                throw new MalformedEventException("event " + event.id() + ": type '" + event.type() + "' is not published on "
                        + topic);
            }
        });
    }

    private static UUID parseId(String id) {
        if (id == null) {
            throw new MalformedEventException("CloudEvents attribute 'id' is missing");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("CloudEvents attribute 'id' is not a UUID: " + id);
        }
    }

    private static Instant parseTime(UUID id, String time) {
        if (time == null) {
            throw new MalformedEventException("event " + id + ": CloudEvents attribute 'time' is missing");
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("event " + id + ": CloudEvents attribute 'time' is not an RFC 3339 timestamp: " + time);
        }
    }

    /** The event a correction record corrects; empty for any other record, malformed when not an event id. */
    public static java.util.Optional<UUID> corrects(ConsumerRecord<String, String> record) {
        String corrects = header(record.headers(), CORRECTS);
        if (corrects == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(corrects));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("CloudEvents attribute 'corrects' is not an event id: " + corrects);
        }
    }

    /** Absent on a record published before sequences were assigned: it orders before every sequenced one. */
    private static long parseSequence(UUID id, String sequence) {
        if (sequence == null) {
            return CaseEvent.UNSEQUENCED;
        }
        try {
            long value = Long.parseLong(sequence);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MalformedEventException("event " + id + ": CloudEvents attribute 'casesequence' is not a non-negative integer: "
                    + sequence);
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
