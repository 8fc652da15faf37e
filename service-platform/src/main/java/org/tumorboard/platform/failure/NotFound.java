package org.tumorboard.platform.failure;

/**
 * The thing asked for does not exist, or the caller's site may not see it: the two must look the same (another site's
 * case is indistinguishable from a missing one).
 */
public final class NotFound extends DomainFailure {

    private final String what;

    public NotFound(String what) {
        super(what + " was not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
