package org.tumorboard.pathology;

/** How MDM2/CDK4 amplification was tested. */
public enum MolecularMethod {
    FISH, NGS, PCR, OTHER
}
