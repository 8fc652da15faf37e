package org.tumorboard.events;

/** The CloudEvents {@code source} of each service. */
public final class Sources {

    public static final String INTAKE = "/tumorboard/intake-service";
    public static final String PATHOLOGY = "/tumorboard/pathology-service";
    public static final String STAGING = "/tumorboard/staging-service";
    public static final String BOARD = "/tumorboard/board-service";

    private Sources() {
    }
}
