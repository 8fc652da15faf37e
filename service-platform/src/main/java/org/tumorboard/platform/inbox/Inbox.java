package org.tumorboard.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.CaseEvent;

/** The processed-event log: each event id is recorded in the same transaction as the consumer's effect. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** True the first time this event is seen; false for a redelivery, whose effect must then be skipped. */
    @Transactional(TxType.MANDATORY)
    public boolean recordFirstDelivery(CaseEvent event) {
        int inserted = em.createNativeQuery("""
                insert into inbox_event (event_id, type, source, subject)
                values (:id, :type, :source, :subject)
                on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .executeUpdate();
        return inserted == 1;
    }
}
