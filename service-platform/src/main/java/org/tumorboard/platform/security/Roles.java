package org.tumorboard.platform.security;

/** Realm roles of the Keycloak realm {@code tumorboard} (architecture.md, Security). */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String PATHOLOGIST = "pathologist";
    public static final String BOARD_MEMBER = "board-member";
    public static final String BOARD_CHAIR = "board-chair";
    public static final String SURGEON = "surgeon";
    public static final String NURSE = "nurse";
    public static final String AUDITOR = "auditor";
    /** Runs the system: dead letters, read-model rebuilds. Sees no patient identity. */
    public static final String OPERATOR = "operator";

    /** The realm roles that treat patients: each may read the clinical facts of the cases of its site. */
    public static final java.util.Set<String> CLINICAL = java.util.Set.of(COORDINATOR, PATHOLOGIST, BOARD_MEMBER, BOARD_CHAIR,
            SURGEON, NURSE);

    /**
     * Not a realm role: the services give it to every holder of a {@link #CLINICAL} role ({@link ClinicianRole}), for
     * endpoints that serve every clinician.
     */
    public static final String CLINICIAN = "clinician";

    /** Every realm role, in the order architecture.md lists them (the audit trail records only these). */
    public static final java.util.List<String> ALL = java.util.List.of(COORDINATOR, PATHOLOGIST, BOARD_MEMBER, BOARD_CHAIR,
            SURGEON, NURSE, AUDITOR, OPERATOR);

    private Roles() {
    }
}
