package org.tumorboard.pathology;

/** How the biopsy specimen was taken; open and excisional biopsies are not the recommended route (rps-reference.md section 2). */
public enum SpecimenType {
    CORE_NEEDLE, FINE_NEEDLE_ASPIRATION, OPEN_INCISIONAL, EXCISIONAL
}
