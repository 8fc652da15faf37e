package org.tumorboard.events;

/** The contract's resection margins (R0, R1, R2), as pathology reports them. */
public final class Margins {

    public static final String R0 = "R0";
    public static final String R1 = "R1";
    /** Gross residual disease: the board must see the case again (rps-reference.md, surveillance). */
    public static final String R2 = "R2";

    private Margins() {
    }

    public static boolean isGrossResidual(String margin) {
        return R2.equals(margin);
    }
}
