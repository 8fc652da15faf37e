package org.tumorboard.board;

/** Why a decided plan was not carried out; a decided plan is never silently left undone. */
public enum NotImplementedReason {
    PATIENT_CHOICE, CHANGED_CONDITION, NEW_INFORMATION, OTHER
}
