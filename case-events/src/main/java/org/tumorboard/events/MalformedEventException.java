package org.tumorboard.events;

/** A message that can never be processed as it is: it belongs on the dead-letter topic, with this message as the reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
