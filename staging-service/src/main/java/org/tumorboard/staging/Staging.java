package org.tumorboard.staging;

import java.time.Instant;
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
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum;
import org.tumorboard.staging.rules.CaseStagingRule;
import org.tumorboard.staging.rules.FailurePattern;

/** One staging of a case, kept for ever: categories, group, edition, the inputs and the event that caused it. */
@Entity
@Table(name = "staging")
public class Staging {

    @Id
    public UUID id;

    /** Order of recording, assigned by the database. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "prefix", nullable = false)
    public String prefix;

    @Enumerated(EnumType.STRING)
    @Column(name = "t", nullable = false)
    public Ajcc8Retroperitoneum.T t;

    @Enumerated(EnumType.STRING)
    @Column(name = "n", nullable = false)
    public Ajcc8Retroperitoneum.N n;

    @Enumerated(EnumType.STRING)
    @Column(name = "m", nullable = false)
    public Ajcc8Retroperitoneum.M m;

    @Enumerated(EnumType.STRING)
    @Column(name = "g", nullable = false)
    public Ajcc8Retroperitoneum.G g;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage_group", nullable = false)
    public Ajcc8Retroperitoneum.StageGroup group;

    @Column(name = "edition", nullable = false)
    public String edition;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_pattern")
    public FailurePattern.Pattern failurePattern;

    /** The inputs, each with the event it came from ({@code jsonb}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "inputs", nullable = false)
    public List<CaseStagingRule.Input> inputs;

    /** The names of the inputs that changed since the previous staging. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "changed", nullable = false)
    public List<String> changed;

    @Column(name = "trigger_event_id", nullable = false)
    public UUID triggerEventId;

    @Column(name = "staged_at", nullable = false)
    public Instant stagedAt;
}
