package org.tumorboard.board;

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

/** One scheduled surveillance visit; done once the nurse records it. */
@Entity
@Table(name = "surveillance_visit")
public class SurveillanceVisit {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "number", nullable = false)
    public int number;

    @Column(name = "month", nullable = false)
    public int month;

    @Column(name = "due_date", nullable = false)
    public LocalDate due;

    /** The exams of the visit ({@code SurveillanceSchedule.Exam} names). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "exams", nullable = false)
    public List<String> exams;

    @Column(name = "done_on")
    public LocalDate doneOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public VisitOutcome outcome;

    @Column(name = "notes")
    public String notes;

    @Column(name = "recorded_by")
    public String recordedBy;
}
