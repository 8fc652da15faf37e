package org.tumorboard.platform.messaging;

/**
 * The event cannot be applied yet but may be soon (an event about a case this service does not know yet).
 * It is retried with back-off a bounded number of times ({@code tumorboard.inbox.retry-later.attempts}),
 * then dead-lettered with this message as the reason.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
