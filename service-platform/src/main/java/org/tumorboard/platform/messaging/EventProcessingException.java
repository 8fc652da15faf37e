package org.tumorboard.platform.messaging;

/** A record that failed repeatedly for a reason that will not pass by itself; it goes to the dead-letter topic. */
public class EventProcessingException extends RuntimeException {

    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
