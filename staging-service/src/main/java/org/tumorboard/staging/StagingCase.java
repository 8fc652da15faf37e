package org.tumorboard.staging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The staging inputs known for one case, each from the event that brought it. */
@Entity
@Table(name = "staging_case")
public class StagingCase {

    /** The inputs AJCC 8th retroperitoneal staging needs (rps-reference.md section 4). */
    public enum Input {
        TUMOR_SIZE, METASTATIC_STATUS, GRADE
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "referring_site", nullable = false)
    public String referringSite;

    @Column(name = "greatest_dimension_cm", precision = 4, scale = 1)
    public BigDecimal greatestDimensionCm;

    /** Null: not assessed, which AJCC groups as N0. */
    @Column(name = "suspicious_nodes")
    public Boolean suspiciousNodes;

    @Column(name = "distant_lesions")
    public Boolean distantLesions;

    @Column(name = "grade")
    public String grade;

    @Column(name = "size_event_id")
    public UUID sizeEventId;

    public List<Input> missingInputs() {
        List<Input> missing = new ArrayList<>();
        if (greatestDimensionCm == null) {
            missing.add(Input.TUMOR_SIZE);
        }
        if (distantLesions == null) {
            missing.add(Input.METASTATIC_STATUS);
        }
        if (grade == null) {
            missing.add(Input.GRADE);
        }
        return missing;
    }
}
