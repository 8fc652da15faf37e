package org.tumorboard.testsupport;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.tumorboard.events.BoardFact;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.IntakeFact;
import org.tumorboard.events.PathologyFact;
import org.tumorboard.events.StagingFact;
import org.tumorboard.platform.messaging.CaseEventHandler;

/**
 * Counts, in every service's tests, how many times each event's effect was committed: the service's
 * {@link CaseEventHandler} is decorated, and a commit of the transaction it ran in counts once for the event's id. A
 * "the same event twice" test asserts {@code committed(id) == 1}, which fails when the inbox lets a redelivery through,
 * whether or not the effect itself happens to be idempotent. (test-support is a test dependency only, so production
 * never sees this decorator.)
 */
@Decorator
@Priority(1)
public class AppliedEffects implements CaseEventHandler {

    private static final Map<UUID, Integer> COMMITTED = new ConcurrentHashMap<>();

    @Inject
    @Delegate
    @Any
    CaseEventHandler handler;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public void handle(CaseEvent event) {
        handler.handle(event);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    COMMITTED.merge(event.id(), 1, Integer::sum);
                }
            }
        });
    }

    // The handler's own default handle() calls its topic methods on the decorated bean, so they pass through here too:
    // each goes on to the handler, as a decorator that does not decorate them would (the interface's defaults, which
    // refuse a topic not read, must not run in the decorator's place).

    @Override
    public void intake(CaseEvent event, IntakeFact fact) {
        handler.intake(event, fact);
    }

    @Override
    public void pathology(CaseEvent event, PathologyFact fact) {
        handler.pathology(event, fact);
    }

    @Override
    public void staging(CaseEvent event, StagingFact fact) {
        handler.staging(event, fact);
    }

    @Override
    public void board(CaseEvent event, BoardFact fact) {
        handler.board(event, fact);
    }

    /** How many times the effect of the event with this id was committed in this test JVM. */
    public static int committed(UUID eventId) {
        return COMMITTED.getOrDefault(eventId, 0);
    }
}
