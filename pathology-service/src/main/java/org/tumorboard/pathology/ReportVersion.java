package org.tumorboard.pathology;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One version of a report: what the pathologist entered ({@code content}) and what the rules computed ({@code result}). */
@Entity
@Table(name = "report_version")
public class ReportVersion {

    @Id
    public java.util.UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id")
    public PathologyReport report;

    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "amendment_reason")
    public String amendmentReason;

    @Column(name = "content", nullable = false)
    public String content;

    @Column(name = "result", nullable = false)
    public String result;
}
