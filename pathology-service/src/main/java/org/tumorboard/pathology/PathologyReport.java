package org.tumorboard.pathology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import com.fasterxml.jackson.databind.JsonNode;

/** A biopsy or resection report with every version it has had; the newest is the current one. */
@Entity
@Table(name = "pathology_report")
public class PathologyReport {

    public enum Kind {
        BIOPSY, RESECTION
    }

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public Kind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL)
    @OrderBy("version")
    public List<ReportVersion> versions = new ArrayList<>();

    /** Adds the next version; earlier ones stay as they were. */
    public ReportVersion addVersion(Instant at, String by, String amendmentReason, JsonNode content, JsonNode result,
            Margin margin) {
        ReportVersion v = new ReportVersion();
        v.id = UUID.randomUUID();
        v.report = this;
        v.version = currentVersion + 1;
        v.recordedAt = at;
        v.recordedBy = by;
        v.amendmentReason = amendmentReason;
        v.content = content;
        v.result = result;
        v.margin = margin;
        versions.add(v);
        currentVersion = v.version;
        return v;
    }
}
