package org.tumorboard.intake;

/** Side of the tumor. */
public enum Side {
    LEFT, RIGHT, MIDLINE, BILATERAL
}
