package org.tumorboard.intake.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.intake.CaseReferred;
import org.tumorboard.events.intake.ImagingUpdated;
import org.tumorboard.events.intake.WorkupCompleted;
import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.ImagingFindings;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.Patient;
import org.tumorboard.intake.config.SitesConfig;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.repository.PatientRepository;
import org.tumorboard.intake.rest.ReferralRequest;
import org.tumorboard.intake.rules.CaseEventMeaning;
import org.tumorboard.intake.rules.WorkupChecklist;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.problem.Problem.FieldError;
import org.tumorboard.platform.problem.ProblemException;

import io.quarkus.logging.Log;

/** What coordinators do to a case: refer it, complete its imaging, withdraw it. Each write emits its event. */
@ApplicationScoped
public class ReferralService {

    /** A referral that would open a second case for a patient who already has one. */
    public record Referral(IntakeCase created, List<UUID> otherOpenCases) {
    }

    @Inject
    PatientRepository patients;

    @Inject
    CaseRepository cases;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    SitesConfig sites;

    @Transactional
    public Referral refer(ReferralRequest request, String referredBy) {
        if (!sites.sites().containsKey(request.referringSite())) {
            throw ProblemException.invalidField("referringSite", "is not a known referring site");
        }
        ReferralRequest.PatientIdentity identity = request.patient();
        ImagingFindings findings = assess(request);
        Optional<Patient> known = patients.findBySiteAndMrn(request.referringSite(), identity.mrn());
        List<UUID> openCases = known.map(p -> cases.openCasesOf(p).stream().map(c -> c.caseId).toList()).orElse(List.of());
        if (!openCases.isEmpty() && !Boolean.TRUE.equals(request.confirmSecondOpenCase())) {
            throw new ProblemException(409, "Patient already has an open case",
                    "This patient already has an open case (" + openCases.get(0) + "). Add to that case, or send the referral "
                            + "again with confirmSecondOpenCase: true to open a second one.",
                    List.of(new FieldError("confirmSecondOpenCase", "must be true to open a second case for this patient")));
        }
        Patient patient = known.orElseGet(() -> newPatient(request.referringSite(), identity));

        IntakeCase c = new IntakeCase();
        c.caseId = UUID.randomUUID();
        c.patient = patient;
        c.referringSite = request.referringSite();
        c.status = CaseStatus.REFERRED;
        c.clinicalQuestion = request.clinicalQuestion();
        c.neoadjuvantConsidered = request.neoadjuvantConsidered();
        c.imaging = findings;
        c.referredAt = clock.instant();
        c.statusSince = c.referredAt;
        c.referredBy = referredBy;
        cases.persist(c);

        ImagingFindings i = c.imaging;
        boolean workupComplete = missingWorkup(c).isEmpty();
        // The referral event says whether work-up is missing, so that the status (WORKUP or not) follows from the
        // events alone and a rebuild of the case registry from the topics gives the same answer.
        record(c, outbox.publish(CaseEventTypes.CASE_REFERRED, c.caseId.toString(), new CaseReferred(
                c.caseId.toString(), c.referringSite, c.referredAt, i.greatestDimensionCm, i.suspiciousNodes,
                i.distantLesions, c.neoadjuvantConsidered, workupComplete)));
        if (workupComplete) {
            record(c, outbox.publish(CaseEventTypes.WORKUP_COMPLETED, c.caseId.toString(),
                    new WorkupCompleted(c.caseId.toString(), clock.instant())));
        }
        if (!openCases.isEmpty()) {
            Log.infof("case %s opened as a second open case of its patient, confirmed by the coordinator", c.caseId);
        }
        Log.infof("case %s referred by site %s, status %s", c.caseId, c.referringSite, c.status);
        return new Referral(c, openCases);
    }

    /** Replaces the imaging findings and re-evaluates the work-up. */
    @Transactional
    public IntakeCase updateImaging(IntakeCase c, ReferralRequest.Imaging imaging) {
        if (!c.isOpen()) {
            throw ProblemException.conflict("case " + c.caseId + " is " + c.status + "; its imaging can no longer change");
        }
        checkNotBeforeBirth(imaging, c.patient.birthDate, "");
        boolean wasComplete = missingWorkup(c).isEmpty();
        c.imaging = toFindings(imaging);
        List<WorkupChecklist.Item> missing = missingWorkup(c);
        ImagingFindings i = c.imaging;
        record(c, outbox.publish(CaseEventTypes.IMAGING_UPDATED, c.caseId.toString(), new ImagingUpdated(c.caseId.toString(),
                i.greatestDimensionCm, i.suspiciousNodes, i.distantLesions, missing.stream().map(Enum::name).toList())));
        if (!wasComplete && missing.isEmpty()) {
            record(c, outbox.publish(CaseEventTypes.WORKUP_COMPLETED, c.caseId.toString(),
                    new WorkupCompleted(c.caseId.toString(), clock.instant())));
        }
        return c;
    }

    @Transactional
    public IntakeCase withdraw(IntakeCase c, String reason) {
        if (!c.isOpen()) {
            throw ProblemException.conflict("case " + c.caseId + " is already " + c.status);
        }
        if (mentionsIdentity(reason, c.patient)) {
            // The reason travels in the withdrawn event; patient identity must never leave intake.
            throw ProblemException.invalidField("reason", "must not contain the patient's name or MRN");
        }
        c.withdrawalReason = reason;
        record(c, outbox.publish(CaseEventTypes.CASE_WITHDRAWN, c.caseId.toString(),
                new org.tumorboard.events.intake.CaseWithdrawn(c.caseId.toString(), reason)));
        Log.infof("case %s withdrawn", c.caseId);
        return c;
    }

    /** What a valid referral body must still meet before anything is stored, and the findings it records. */
    public static ImagingFindings assess(ReferralRequest request) {
        checkNotBeforeBirth(request.imaging(), request.patient().birthDate(), "imaging.");
        return toFindings(request.imaging());
    }

    static boolean mentionsIdentity(String text, Patient patient) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(patient.mrn, patient.givenName, patient.familyName)
                .filter(v -> v != null && v.length() >= 2)
                .anyMatch(v -> lower.contains(v.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<WorkupChecklist.Item> missingWorkup(IntakeCase c) {
        return WorkupChecklist.missing(c.imaging.ctAbdomenPelvisDate != null, c.imaging.chestModality, c.highGradeKnown());
    }

    /** Our own event goes on the timeline and moves the status in the same transaction that emits it. */
    private void record(IntakeCase c, CaseEvent event) {
        CaseEventMeaning.Meaning meaning = CaseEventMeaning.of(event);
        c.addTimelineEntry(event.id(), event.type(), event.time(), meaning.summary());
        c.moveStatus(meaning.target(), event.time());
    }

    private Patient newPatient(String site, ReferralRequest.PatientIdentity identity) {
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.site = site;
        p.mrn = identity.mrn();
        p.givenName = identity.givenName();
        p.familyName = identity.familyName();
        p.birthDate = identity.birthDate();
        p.sex = identity.sex();
        patients.persist(p);
        return p;
    }

    /** @param fieldPrefix where the imaging object sits in the request body, so the problem names the field as sent */
    private static void checkNotBeforeBirth(ReferralRequest.Imaging imaging, LocalDate birthDate, String fieldPrefix) {
        if (imaging.ctAbdomenPelvisDate() != null && imaging.ctAbdomenPelvisDate().isBefore(birthDate)) {
            throw ProblemException.invalidField(fieldPrefix + "ctAbdomenPelvisDate", "must not be before the patient's birth date");
        }
        if (imaging.chestImaging() != null && imaging.chestImaging().date() != null
                && imaging.chestImaging().date().isBefore(birthDate)) {
            throw ProblemException.invalidField(fieldPrefix + "chestImaging.date", "must not be before the patient's birth date");
        }
    }

    private static ImagingFindings toFindings(ReferralRequest.Imaging imaging) {
        ImagingFindings f = new ImagingFindings();
        f.ctAbdomenPelvisDate = imaging.ctAbdomenPelvisDate();
        if (imaging.chestImaging() != null) {
            f.chestModality = imaging.chestImaging().modality();
            f.chestDate = imaging.chestImaging().date();
        }
        f.greatestDimensionCm = imaging.greatestDimensionCm();
        f.side = imaging.side();
        f.compartment = imaging.compartment();
        f.macroscopicFat = imaging.macroscopicFat();
        f.solidEnhancingComponent = imaging.solidEnhancingComponent();
        f.suspiciousNodes = imaging.suspiciousNodes();
        f.distantLesions = imaging.distantLesions();
        f.suspectedNonSarcoma = imaging.suspectedNonSarcoma();
        return f;
    }
}
