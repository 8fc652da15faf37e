package org.tumorboard.pathology;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case as pathology knows it: which report it awaits, since when. No patient identity. */
@Entity
@Table(name = "pathology_case")
public class PathologyCase {

    public enum Awaiting {
        BIOPSY_REPORT, RESECTION_REPORT, NOTHING
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    /** Null until the referral arrives; until then only hub users see the case. */
    @Column(name = "referring_site")
    public String referringSite;

    @Column(name = "referred_at")
    public Instant referredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "awaiting", nullable = false)
    public Awaiting awaiting;

    @Column(name = "awaiting_since", nullable = false)
    public Instant awaitingSince;

    /** A report arrived: if it was the one awaited, the case leaves the worklist. */
    public void reported(Awaiting report, Instant at) {
        if (awaiting == report) {
            awaiting = Awaiting.NOTHING;
            awaitingSince = at;
        }
    }

    /** The board recorded the surgery: the specimen is coming, the case awaits its resection report. */
    public void surgeryRecorded(Instant at) {
        awaiting = Awaiting.RESECTION_REPORT;
        awaitingSince = at;
    }

    public void withdrawn(Instant at) {
        awaiting = Awaiting.NOTHING;
        awaitingSince = at;
    }
}
