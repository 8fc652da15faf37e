package org.tumorboard.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventPayload;
import org.tumorboard.events.EventType;

/**
 * The transactional outbox. An event is written as a row in the same transaction as the state change it
 * describes, so both commit or neither does; {@link OutboxRelay} publishes committed rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tumorboard.event-source")
    String source;

    @Transactional(TxType.MANDATORY)
    public <T extends CaseEventPayload> CaseEvent publish(EventType<T> type, String caseId, T payload) {
        return publish(type, caseId, payload, null);
    }

    /**
     * The owner's correction of one of its events (issue 22, item 6): a new event of the same type for the same case,
     * numbered after every earlier one, that names the event it corrects, so every consumer applies it and closes its
     * dead letter of the original.
     */
    @Transactional(TxType.MANDATORY)
    public <T extends CaseEventPayload> CaseEvent publishCorrection(EventType<T> type, String caseId, T payload, java.util.UUID corrects) {
        return publish(type, caseId, payload, java.util.Objects.requireNonNull(corrects, "corrects"));
    }

    private <T extends CaseEventPayload> CaseEvent publish(EventType<T> type, String caseId, T payload, java.util.UUID corrects) {
        CaseEvent event = CaseEvent.create(type, source, caseId, payload, clock.instant(), nextSequence(caseId));
        em.createNativeQuery("""
                insert into outbox_event (id, topic, type, source, subject, occurred_at, case_sequence, payload, corrects)
                values (:id, :topic, :type, :source, :subject, :time, :sequence, :payload, :corrects)""")
                .setParameter("id", event.id())
                .setParameter("topic", type.topic())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .setParameter("time", Timestamp.from(event.time()))
                .setParameter("sequence", event.sequence())
                .setParameter("payload", event.data())
                .setParameter("corrects", corrects)
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return event;
    }

    /**
     * The case's next sequence number (issue 22, item 5). The upsert locks the case's counter row until this transaction
     * ends, so a concurrent transaction for the same case waits and takes the next number: numbers follow commit order.
     */
    private long nextSequence(String caseId) {
        Object next = em.createNativeQuery("""
                insert into outbox_case_sequence (subject, last_sequence) values (:subject, 1)
                on conflict (subject) do update set last_sequence = outbox_case_sequence.last_sequence + 1
                returning last_sequence""")
                .setParameter("subject", caseId)
                .getSingleResult();
        return ((Number) next).longValue();
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
