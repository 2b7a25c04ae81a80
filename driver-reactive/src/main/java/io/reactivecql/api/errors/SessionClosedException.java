package io.reactivecql.api.errors;

/** The session was closed (or is closing): it takes no more requests. */
public class SessionClosedException extends DriverException {

    private static final long serialVersionUID = 1L;

    public SessionClosedException() {
        super("the session is closed");
    }
}
