package org.tumorboard.intake.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.ChestModality;
import org.tumorboard.intake.Compartment;
import org.tumorboard.intake.ImagingFindings;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.Patient;
import org.tumorboard.intake.Side;
import org.tumorboard.intake.SuspectedNonSarcoma;
import org.tumorboard.intake.rules.BiopsyIndication;
import org.tumorboard.intake.rules.WorkupChecklist;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /api/cases/{caseId}}; {@code patient} is present only for roles allowed to see identity. */
public record CaseView(
        UUID caseId,
        String referringSite,
        CaseStatus status,
        String clinicalQuestion,
        boolean neoadjuvantConsidered,
        Instant referredAt,
        ImagingView imaging,
        WorkupView workup,
        BiopsyView biopsy,
        @JsonInclude(JsonInclude.Include.NON_NULL) PatientView patient,
        List<TimelineView> timeline,
        Integer ageAtReferral,
        Patient.Sex sex) {

    public record ImagingView(LocalDate ctAbdomenPelvisDate, ChestView chestImaging, BigDecimal greatestDimensionCm,
            Side side, Compartment compartment, Boolean macroscopicFat, Boolean solidEnhancingComponent,
            Boolean suspiciousNodes, Boolean distantLesions, SuspectedNonSarcoma suspectedNonSarcoma,
            List<ImagingFindings.VesselInvolvement> vesselInvolvement, List<String> organsAbutted) {
    }

    public record ChestView(ChestModality modality, LocalDate date) {
    }

    public record WorkupView(boolean complete, List<WorkupChecklist.Item> missing) {
    }

    /** Decision support only: shown with its reasons, never blocking. */
    public record BiopsyView(boolean indicated, List<BiopsyIndication.Reason> reasons) {
    }

    public record PatientView(String mrn, String givenName, String familyName, LocalDate birthDate, Patient.Sex sex) {
    }

    public record TimelineView(String type, Instant time, String summary) {
    }

    private static BiopsyView biopsyView(BiopsyIndication.Result result) {
        return new BiopsyView(result.indicated(), result.reasons());
    }

    public static CaseView of(IntakeCase c, List<WorkupChecklist.Item> missingWorkup, boolean withIdentity) {
        ImagingFindings i = c.imaging;
        ChestView chest = i.chestModality == null ? null : new ChestView(i.chestModality, i.chestDate);
        Patient p = c.patient;
        // the clinical question is free text, which may name the patient: shown with identity only (issue 24)
        return new CaseView(c.caseId, c.referringSite, c.status, withIdentity ? c.clinicalQuestion : null, c.neoadjuvantConsidered, c.referredAt,
                new ImagingView(i.ctAbdomenPelvisDate, chest, i.greatestDimensionCm, i.side, i.compartment, i.macroscopicFat,
                        i.solidEnhancingComponent, i.suspiciousNodes, i.distantLesions, i.suspectedNonSarcoma,
                        i.vesselInvolvement == null ? List.of() : i.vesselInvolvement,
                        i.organsAbutted == null ? List.of() : i.organsAbutted),
                new WorkupView(missingWorkup.isEmpty(), missingWorkup),
                biopsyView(BiopsyIndication.evaluate(c.neoadjuvantConsidered, i.suspectedNonSarcoma)),
                withIdentity ? new PatientView(p.mrn, p.givenName, p.familyName, p.birthDate, p.sex) : null,
                c.timeline.stream().map(t -> new TimelineView(t.type, t.occurredAt, t.summary)).toList(),
                // Age and sex are clinical facts every clinician of the case needs (the board weighs fitness by them); the
                // birth date itself stays with identity.
                java.time.Period.between(p.birthDate, c.referredAt.atZone(java.time.ZoneOffset.UTC).toLocalDate()).getYears(),
                p.sex);
    }
}
