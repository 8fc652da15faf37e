package org.tumorboard.platform.failure;

/**
 * The caller's role allows the command but not on this target: a spoke acting for another site, a board member
 * without a core discipline. Roles themselves are checked before a use case runs.
 */
public final class NotPermitted extends DomainFailure {

    public NotPermitted(String detail) {
        super(detail);
    }
}
