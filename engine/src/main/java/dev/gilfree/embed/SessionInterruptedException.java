package dev.gilfree.embed;

/** A script was stopped because it ran past its time limit, or the session was closed or cancelled while it ran. */
public class SessionInterruptedException extends RuntimeException {
    public SessionInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
