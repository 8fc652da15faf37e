package org.tumorboard.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.tumorboard.platform.NativeSql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's store of records its consumer could not apply (table {@code dead_letter}). */
@ApplicationScoped
public class DeadLetters {

    public record DeadLetter(UUID id, String topic, int partition, long offset, String key, Map<String, String> headers,
            String value, String reason, Instant deadLetteredAt, Instant replayedAt, String replayedBy, String replayOutcome,
            String lastReplayError) {

        public boolean open() {
            return replayedAt == null;
        }

        /** The record as the consumer received it. */
        public ConsumerRecord<String, String> toRecord() {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, partition, offset, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /** Keeps the record; a record dead-lettered twice (redelivered after a crash) is kept once. */
    @Transactional(TxType.REQUIRES_NEW)
    public void record(ConsumerRecord<String, String> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        em.createNativeQuery("""
                insert into dead_letter (id, topic, kafka_partition, kafka_offset, record_key, headers, record_value, reason)
                values (:id, :topic, :partition, :offset, :key, :headers, :value, :reason)
                on conflict (topic, kafka_partition, kafka_offset) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("key", record.key())
                .setParameter("headers", write(headers))
                .setParameter("value", record.value())
                .setParameter("reason", reason == null ? "unknown" : reason)
                .executeUpdate();
    }

    public List<DeadLetter> list(boolean openOnly, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + (openOnly ? " where replayed_at is null" : "")
                + " order by dead_lettered_at, kafka_offset limit :limit").setParameter("limit", limit).getResultList();
        return rows.stream().map(DeadLetters::row).toList();
    }

    public Optional<DeadLetter> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where id = :id").setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(DeadLetters::row);
    }

    /**
     * In the replay's transaction: the dead letter is marked replayed only if its effect commits, and only once; false
     * when another replay marked it first (issue 22, item 6).
     */
    @Transactional(TxType.MANDATORY)
    public boolean markReplayed(UUID id, String by, String outcome, String appliedValue) {
        return em.createNativeQuery("update dead_letter set replayed_at = now(), replayed_by = :by, replay_outcome = :outcome,"
                + " replayed_value = :value, last_replay_error = null where id = :id and replayed_at is null")
                .setParameter("by", by).setParameter("outcome", outcome).setParameter("value", appliedValue)
                .setParameter("id", id).executeUpdate() == 1;
    }

    /** The values operators applied to replayed dead letters, by "topic/partition/offset" (a rebuild uses them). */
    public Map<String, String> replayedValues() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select topic, kafka_partition, kafka_offset, replayed_value from dead_letter"
                + " where replayed_at is not null and replayed_value is not null").getResultList();
        Map<String, String> values = new java.util.HashMap<>();
        for (Object[] r : rows) {
            values.put(position((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue()), (String) r[3]);
        }
        return values;
    }

    /** What the owner's correction does to this service's dead letters of the event it corrects. */
    public static final String CORRECTED = "CORRECTED";

    /**
     * In the transaction applying an owner's correction: the open dead letters of the event it corrects are closed (the
     * correction, not the original, is what this service now holds). Returns how many.
     */
    @Transactional(TxType.MANDATORY)
    public int closeCorrected(String topic, String caseId, UUID original, UUID correction, String owner) {
        // Only the owner's letters of that case: a correction on one topic cannot close another topic's letters. The
        // headers are matched as the text record() wrote ("ce_id":"<uuid>"), never parsed, so no stored header can break it.
        return em.createNativeQuery("update dead_letter set replayed_at = now(), replayed_by = :by, replay_outcome = :outcome,"
                + " replayed_value = null, last_replay_error = null where replayed_at is null and topic = :topic and record_key = :key"
                + " and strpos(headers, :needle) > 0")
                .setParameter("by", owner + " correction " + correction).setParameter("outcome", CORRECTED)
                .setParameter("topic", topic).setParameter("key", caseId)
                .setParameter("needle", "\"ce_id\":\"" + original + "\"").executeUpdate();
    }

    /** Dead letters an operator replayed (as they were) since {@code since}: a rebuild under way applies them again. */
    public List<DeadLetter> replayedSince(java.time.Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where replayed_at >= :since and replay_outcome <> '" + CORRECTED
                + "' order by replayed_at").setParameter("since", java.sql.Timestamp.from(since)).getResultList();
        return rows.stream().map(DeadLetters::row).toList();
    }

    /**
     * Where the dead letters a rebuild must not apply were on their topics ("topic/partition/offset"): the ones nobody
     * replayed, and the ones the owner corrected (the correction is on the topic and is applied in their place).
     */
    public java.util.Set<String> positionsNotToApply() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select topic, kafka_partition, kafka_offset from dead_letter"
                + " where replayed_at is null or replay_outcome = '" + CORRECTED + "'").getResultList();
        java.util.Set<String> positions = new java.util.HashSet<>();
        for (Object[] r : rows) {
            positions.add(position((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue()));
        }
        return positions;
    }

    public static String position(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void markReplayFailed(UUID id, String error) {
        em.createNativeQuery("update dead_letter set last_replay_error = :error where id = :id")
                .setParameter("error", error).setParameter("id", id).executeUpdate();
    }

    private static final String SELECT = "select id, topic, kafka_partition, kafka_offset, record_key, headers, record_value,"
            + " reason, dead_lettered_at, replayed_at, replayed_by, replay_outcome, last_replay_error from dead_letter";

    private static DeadLetter row(Object[] r) {
        return new DeadLetter((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).longValue(), (String) r[4],
                read((String) r[5]), (String) r[6], (String) r[7], NativeSql.instant(r[8]), NativeSql.instant(r[9]), (String) r[10], (String) r[11],
                (String) r[12]);
    }

    private static String write(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String headers) {
        try {
            return JSON.readValue(headers, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
