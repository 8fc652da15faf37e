package org.tumorboard.staging;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    @Column(name = "t", nullable = false)
    public String t;

    @Column(name = "n", nullable = false)
    public String n;

    @Column(name = "m", nullable = false)
    public String m;

    @Column(name = "g", nullable = false)
    public String g;

    @Column(name = "stage_group", nullable = false)
    public String group;

    @Column(name = "edition", nullable = false)
    public String edition;

    @Column(name = "failure_pattern")
    public String failurePattern;

    /** JSON list of the inputs, each with the event it came from. */
    @Column(name = "inputs", nullable = false)
    public String inputs;

    /** JSON list of the input names that changed since the previous staging. */
    @Column(name = "changed", nullable = false)
    public String changed;

    @Column(name = "trigger_event_id", nullable = false)
    public UUID triggerEventId;

    @Column(name = "staged_at", nullable = false)
    public Instant stagedAt;
}
