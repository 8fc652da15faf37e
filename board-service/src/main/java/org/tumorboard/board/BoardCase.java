package org.tumorboard.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case as the tumor board sees it: what it still waits for before it can go on an agenda. */
@Entity
@Table(name = "board_case")
public class BoardCase {

    /** What must be in place before a case is ready for the agenda (rps-reference.md section 5, board rules). */
    public enum Missing {
        WORKUP, BIOPSY_REPORT, STAGING
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "referring_site", nullable = false)
    public String referringSite;

    @Column(name = "referred_at", nullable = false)
    public Instant referredAt;

    @Column(name = "workup_complete", nullable = false)
    public boolean workupComplete;

    @Column(name = "biopsy_reported", nullable = false)
    public boolean biopsyReported;

    @Column(name = "staged", nullable = false)
    public boolean staged;

    public List<Missing> missing() {
        List<Missing> missing = new ArrayList<>();
        if (!workupComplete) {
            missing.add(Missing.WORKUP);
        }
        if (!biopsyReported) {
            missing.add(Missing.BIOPSY_REPORT);
        }
        if (!staged) {
            missing.add(Missing.STAGING);
        }
        return missing;
    }
}
