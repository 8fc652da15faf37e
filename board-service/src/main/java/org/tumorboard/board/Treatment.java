package org.tumorboard.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "treatment")
public class Treatment {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public TreatmentType type;

    @Column(name = "treatment_date", nullable = false)
    public LocalDate date;

    @Column(name = "en_bloc")
    public Boolean enBloc;

    /** Comma-separated organ codes. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "organs")
    public List<String> organs;

    /** The surgeon's statement of gross residual disease (R2 is the surgeon's call). */
    @Column(name = "gross_residual")
    public Boolean grossResidual;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public NotImplementedReason reasonCode;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
