package org.tumorboard.fhir.readmodel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tumorboard.events.CaseEvent;

/** One consumed event of a case, as its owner published it (table {@code case_fact}). */
@Entity
@Table(name = "case_fact")
public class CaseFact {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "source", nullable = false)
    public String source;

    @Column(name = "type", nullable = false)
    public String type;

    @Column(name = "sequence", nullable = false)
    public long sequence;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "data", nullable = false)
    public String data;

    public static CaseFact of(CaseEvent event, Instant receivedAt) {
        CaseFact fact = new CaseFact();
        fact.eventId = event.id();
        fact.caseId = event.caseUuid();
        fact.source = event.source();
        fact.type = event.type();
        fact.sequence = event.sequence();
        fact.occurredAt = event.time();
        fact.receivedAt = receivedAt;
        fact.data = event.data();
        return fact;
    }

    /** The event again, to read its payload. */
    public CaseEvent event() {
        return new CaseEvent(eventId, source, type, caseId.toString(), occurredAt, sequence, data);
    }
}
