package org.tumorboard.platform.correction;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventPayload;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.EventType;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.NativeSql;
import org.tumorboard.platform.outbox.Outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * An operator's correction of an event this service published (issue 22, item 6). A consumer cannot write on the
 * owner's topic, and a correction replayed in one consumer would reach that one only; so the owner publishes it: a new
 * event of the original's type for the same case, numbered after every earlier one and naming the event it corrects.
 * Every consuming service receives it on the live path, with every check a live event passes (owner, clock, payload
 * ranges and vocabularies, site set once), applies it and closes its dead letter of the original. The corrected value,
 * the reason and who made it are kept on the audit trail, which nothing can alter.
 * <p>
 * An operator corrects only what no consumer believes (a payload that fails the checks, a time too far ahead), never
 * a valid clinical fact (that is the clinician's amendment, with its own role); once; only while the owner has published
 * nothing later for the case (a correction is numbered last and would outrank it); and without changing what the event
 * is about (case, site, report, version, meeting).
 */
@ApplicationScoped
public class EventCorrections {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Payload fields a correction may not change: they say what the event is about, not what it says of it. */
    private static final List<String> IDENTITY = List.of("caseId", "referringSite", "reportId", "version", "reportKind", "meetingId");

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tumorboard.inbox.max-clock-skew", defaultValue = "PT5M")
    java.time.Duration maxClockSkew;

    /** What a correction published. */
    public record Correction(UUID eventId, UUID corrects, String type, String caseId, long sequence) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditContext audit;

    @Transactional
    @Audited("EVENT_CORRECTION")
    public Correction correct(UUID original, String value, String reason) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select type, subject, payload, occurred_at, created_at, seq"
                + " from outbox_event where id = :id for update").setParameter("id", original).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("this service has no record of publishing event " + original
                    + " (a record it did not publish is not corrected as its fact)");
        }
        Object[] row = rows.get(0);
        String type = (String) row[0];
        String caseId = (String) row[1];
        String stored = (String) row[2];
        audit.concerns(caseIdOf(caseId));
        audit.note("reason: " + reason + "; corrects event " + original + "; corrected value: " + value);
        EventType<?> eventType = CaseEventTypes.byName(type)
                .orElseThrow(() -> new Conflict("event " + original + " is of type " + type + ", which this version cannot check"));
        String unbelievable = whyNotBelieved(eventType, stored, NativeSql.instant(row[3]), NativeSql.instant(row[4]));
        if (unbelievable == null) {
            throw new Conflict("event " + original + " passes every check a consumer makes: a clinical change to it is the "
                    + "clinician's amendment, not an operator's correction");
        }
        Object corrected = em.createNativeQuery("select id from outbox_event where corrects = :id").setParameter("id", original)
                .getResultList().stream().findFirst().orElse(null);
        if (corrected != null) {
            throw new Conflict("event " + original + " was already corrected by event " + corrected);
        }
        // The case's counter first: a transaction that took a later number for the case commits before this one reads on.
        em.createNativeQuery("insert into outbox_case_sequence (subject, last_sequence) values (:subject, 1) on conflict (subject) "
                + "do update set last_sequence = outbox_case_sequence.last_sequence returning last_sequence")
                .setParameter("subject", caseId).getSingleResult();
        // Later by insertion order (seq), which also orders events from before the case sequence existed.
        long later = ((Number) em.createNativeQuery("select count(*) from outbox_event where subject = :subject and seq > :seq")
                .setParameter("subject", caseId).setParameter("seq", ((Number) row[5]).longValue()).getSingleResult()).longValue();
        if (later > 0) {
            throw new Conflict("this service published " + later + " later event(s) for case " + caseId + " after event " + original
                    + ": a correction would outrank them; the clinician amends the case instead");
        }
        requireSameIdentity(stored, value);
        CaseEvent published = publish(eventType, caseId, value, original);
        Log.infof("event %s (%s) corrected by event %s", original, type, published.id());
        return new Correction(published.id(), original, type, caseId, published.sequence());
    }

    /**
     * Why consumers do not believe the stored event (its payload fails the checks, or its time was further ahead of its
     * commit than the allowed skew); null when they do, and there is nothing for an operator to correct.
     */
    private String whyNotBelieved(EventType<?> type, String payload, java.time.Instant time, java.time.Instant committed) {
        if (time.isAfter(committed.plus(maxClockSkew))) {
            return "dated " + time + ", ahead of its commit at " + committed;
        }
        try {
            EventCodec.fromJson(payload, type.payloadClass());
            return null;
        } catch (MalformedEventException e) {
            return e.getMessage();
        }
    }

    /** The fields that say which case, site and report an event is about stay what the original said, where it can be read. */
    private static void requireSameIdentity(String stored, String value) {
        JsonNode original;
        JsonNode corrected;
        try {
            original = JSON.readTree(stored);
            corrected = JSON.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return; // the original cut short or the value not JSON: the value's own checks answer below
        }
        for (String field : IDENTITY) {
            JsonNode was = original.get(field);
            if (was != null && !was.isNull() && !was.equals(corrected.get(field))) {
                throw new InvalidInput("value." + field, "must stay " + was + " as in the event corrected");
            }
        }
    }

    private <T extends CaseEventPayload> CaseEvent publish(EventType<T> type, String caseId, String value, UUID original) {
        T payload;
        try {
            JsonNode caseIdInValue = JSON.readTree(value).get("caseId");
            if (caseIdInValue != null && !caseId.equals(caseIdInValue.asText())) {
                throw new InvalidInput("value.caseId", "must be the case of the event corrected (" + caseId + ")");
            }
            payload = EventCodec.fromJson(value, type.payloadClass());
        } catch (MalformedEventException e) {
            throw new InvalidInput("value", e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInput("value", "is not JSON: " + e.getOriginalMessage());
        }
        return outbox.publishCorrection(type, caseId, payload, original);
    }

    private static UUID caseIdOf(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
