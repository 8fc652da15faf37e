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

import org.tumorboard.events.CaseEvent;
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

    /** How many times the effect of the event with this id was committed in this test JVM. */
    public static int committed(UUID eventId) {
        return COMMITTED.getOrDefault(eventId, 0);
    }
}
