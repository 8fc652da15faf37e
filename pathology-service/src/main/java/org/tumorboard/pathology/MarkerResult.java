package org.tumorboard.pathology;

public enum MarkerResult {
    POSITIVE, NEGATIVE, EQUIVOCAL
}
