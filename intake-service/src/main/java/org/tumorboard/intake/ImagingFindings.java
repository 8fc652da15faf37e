package org.tumorboard.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What the referral's imaging showed (rps-reference.md section 2). */
@Embeddable
public class ImagingFindings {

    @Column(name = "ct_abdomen_pelvis_date")
    public LocalDate ctAbdomenPelvisDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "chest_modality")
    public ChestModality chestModality;

    @Column(name = "chest_date")
    public LocalDate chestDate;

    @Column(name = "greatest_dimension_cm", precision = 4, scale = 1)
    public BigDecimal greatestDimensionCm;

    @Enumerated(EnumType.STRING)
    @Column(name = "side")
    public Side side;

    @Enumerated(EnumType.STRING)
    @Column(name = "compartment")
    public Compartment compartment;

    @Column(name = "macroscopic_fat")
    public Boolean macroscopicFat;

    @Column(name = "solid_enhancing_component")
    public Boolean solidEnhancingComponent;

    @Column(name = "suspicious_nodes")
    public Boolean suspiciousNodes;

    @Column(name = "distant_lesions")
    public Boolean distantLesions;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspected_non_sarcoma")
    public SuspectedNonSarcoma suspectedNonSarcoma;
}
