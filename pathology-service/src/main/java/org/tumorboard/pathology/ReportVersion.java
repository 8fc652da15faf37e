package org.tumorboard.pathology;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content", nullable = false)
    public JsonNode content;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result", nullable = false)
    public JsonNode result;

    /** A resection's margin (null for a biopsy): the R0 figures read this column. */
    @Enumerated(EnumType.STRING)
    @Column(name = "margin")
    public Margin margin;
}
