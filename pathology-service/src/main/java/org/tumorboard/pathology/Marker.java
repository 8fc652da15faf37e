package org.tumorboard.pathology;

/** Immunohistochemistry markers of rps-reference.md section 3. */
public enum Marker {
    MDM2, CDK4,
    PAN_CYTOKERATIN, PAX8,
    CD45,
    CHROMOGRANIN, SYNAPTOPHYSIN,
    KIT, DOG1,
    SALL4, OCT3_4,
    DESMIN, SMA, H_CALDESMON,
    S100, H3K27ME3,
    STAT6
}
