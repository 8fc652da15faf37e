package org.tumorboard.platform.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the outbox and the inbox from growing without bound (issue 21), in batches, every hour (replicas skip the rows
 * another is deleting).
 * <ul>
 * <li>An outbox row the broker acknowledged is deleted {@code tumorboard.retention.outbox-sent} (30 days) after it was
 * sent: the event lives on in the topic, which keeps events for ever. An unsent row is never deleted. The per-case
 * sequence counter is kept, so numbering goes on. An event can be corrected by its owner only while its row is kept.</li>
 * <li>An inbox id guards against a redelivery of its event. The case topics keep events for ever, so by default the ids
 * are kept too; where a deployment gives its topics a finite retention, {@code tumorboard.retention.inbox} (longer than
 * that retention) lets ids go once their events cannot be delivered again.</li>
 * </ul>
 */
@ApplicationScoped
public class EventRetention {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tumorboard.retention.outbox-sent", defaultValue = "P30D")
    Duration keepSent;

    @ConfigProperty(name = "tumorboard.retention.inbox")
    Optional<Duration> keepInbox;

    @ConfigProperty(name = "tumorboard.retention.batch", defaultValue = "5000")
    int batch;

    @Scheduled(every = "${tumorboard.retention.every:1h}", delayed = "${tumorboard.retention.first-after:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant now = clock.instant();
        int outbox = purgeSentOutbox(now.minus(keepSent));
        int inbox = keepInbox.map(keep -> purgeInbox(now.minus(keep))).orElse(0);
        if (outbox + inbox > 0) {
            Log.infof("retention: %d sent outbox rows and %d inbox ids deleted", outbox, inbox);
        }
    }

    /** Deletes outbox rows sent before {@code before}; returns how many. */
    public int purgeSentOutbox(Instant before) {
        return inBatches("delete from outbox_event where id in "
                + "(select id from outbox_event where sent_at < :before limit :batch for update skip locked)", before);
    }

    /** Deletes inbox ids of events received before {@code before}; returns how many. */
    public int purgeInbox(Instant before) {
        return inBatches("delete from inbox_event where event_id in "
                + "(select event_id from inbox_event where received_at < :before limit :batch for update skip locked)", before);
    }

    private int inBatches(String delete, Instant before) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(delete)
                    .setParameter("before", Timestamp.from(before)).setParameter("batch", batch).executeUpdate());
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
