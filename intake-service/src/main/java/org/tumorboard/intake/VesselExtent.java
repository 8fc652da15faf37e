package org.tumorboard.intake;

/** How far the tumour involves a vessel on imaging; a vessel not listed is not involved (NONE). */
public enum VesselExtent {
    ABUTMENT, ENCASEMENT
}
