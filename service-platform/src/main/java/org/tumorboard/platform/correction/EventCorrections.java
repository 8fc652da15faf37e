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
import org.tumorboard.platform.outbox.Outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * An operator's correction of an event this service published (issue 22, item 6). A consumer cannot write on the
 * owner's topic, and a correction replayed in one consumer would reach that one only; so the owner publishes it: a new
 * event of the original's type for the same case, numbered after every earlier one and naming the event it corrects.
 * Every consuming service receives it on the live path, with every check a live event passes (owner, clock, payload
 * ranges and vocabularies), applies it and closes its dead letter of the original. The corrected value, the reason and
 * who made it are kept on the audit trail, which nothing can alter.
 */
@ApplicationScoped
public class EventCorrections {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<Object[]> rows = em.createNativeQuery("select type, subject from outbox_event where id = :id").setParameter("id", original)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("this service has no record of publishing event " + original
                    + " (a record it did not publish is not corrected as its fact)");
        }
        String type = (String) rows.get(0)[0];
        String caseId = (String) rows.get(0)[1];
        audit.concerns(caseIdOf(caseId));
        audit.note("reason: " + reason + "; corrects event " + original + "; corrected value: " + value);
        EventType<?> eventType = CaseEventTypes.byName(type)
                .orElseThrow(() -> new Conflict("event " + original + " is of type " + type + ", which this version cannot check"));
        CaseEvent published = publish(eventType, caseId, value, original);
        Log.infof("event %s (%s) corrected by event %s", original, type, published.id());
        return new Correction(published.id(), original, type, caseId, published.sequence());
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
