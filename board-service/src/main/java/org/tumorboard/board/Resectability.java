package org.tumorboard.board;

/** rps-reference.md section 8, "Resectability and fitness": the surgeon's or the chair's assessment. */
public enum Resectability {
    /** Complete (R0/R1) en bloc resection expected. */
    RESECTABLE,
    /** Resection possible with vascular resection/reconstruction or major multivisceral resection. */
    BORDERLINE,
    /** SMA/SMV root, aorta, celiac trunk or portal vein; spinal canal or extensive bone; multifocal peritoneal disease; unfit. */
    UNRESECTABLE
}
