package org.tumorboard.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tumorboard.events.ResectabilityImaging;

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

    /** Each vessel the tumour abuts or encases; null or empty when none is. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "vessel_involvement")
    public List<VesselInvolvement> vesselInvolvement;

    /** Organ codes (as organsResected uses) the tumour abuts. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "organs_abutted")
    public List<String> organsAbutted;

    /** What the board reads of these findings (no identity in them). */
    public ResectabilityImaging forResectability() {
        return new ResectabilityImaging(solidEnhancingComponent,
                vesselInvolvement == null ? List.of() : vesselInvolvement.stream()
                        .map(v -> new ResectabilityImaging.Vessel(v.vessel().name(), v.extent().name())).toList(),
                organsAbutted == null ? List.of() : List.copyOf(organsAbutted));
    }

    /** One vessel's involvement. */
    public record VesselInvolvement(Vessel vessel, VesselExtent extent) {
    }
}
