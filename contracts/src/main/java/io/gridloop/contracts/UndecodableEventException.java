package io.gridloop.contracts;

/**
 * A record that can never be processed: not JSON, not an envelope, the wrong type for its topic, or missing
 * required data. Retrying cannot help, so consumers send it straight to the dead-letter topic.
 */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
