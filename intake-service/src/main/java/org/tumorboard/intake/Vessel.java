package org.tumorboard.intake;

/** The vessels whose involvement on imaging resectability depends on (api-contract.md, second wave; rps-reference.md section 8). */
public enum Vessel {
    AORTA, IVC, SMA, SMV, CELIAC_TRUNK, PORTAL_VEIN, RENAL_ARTERY, RENAL_VEIN, ILIAC_ARTERY, ILIAC_VEIN, OTHER
}
