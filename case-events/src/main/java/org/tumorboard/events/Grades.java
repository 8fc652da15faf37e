package org.tumorboard.events;

/**
 * The FNCLCC grades as the contract carries them (G1, G2, G3, GX) and the one rule about GX.
 * <p>
 * GX means a component could not be scored: the grade is not known. It is never evidence of high grade
 * ({@link #knownHighGrade}), and it is not evidence of low grade either ({@link #knownLowGrade}): a rule that needs a
 * safe default for an unknown grade (surveillance intensity) treats it as high, and AJCC grouping counts it as G1
 * (rps-reference.md, section 4). Each rule names which of the two it uses.
 */
public final class Grades {

    public static final String G1 = "G1";
    public static final String G2 = "G2";
    public static final String G3 = "G3";
    public static final String GX = "GX";

    private Grades() {
    }

    /** G2 or G3: pathology has shown a high grade. GX and an unknown grade are not. */
    public static boolean knownHighGrade(String grade) {
        return G2.equals(grade) || G3.equals(grade);
    }

    /** G1: pathology has shown a low grade. GX and an unknown grade are not. */
    public static boolean knownLowGrade(String grade) {
        return G1.equals(grade);
    }
}
