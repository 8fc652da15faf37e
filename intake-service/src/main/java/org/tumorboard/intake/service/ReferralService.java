package org.tumorboard.intake.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.ImagingFindings;
import org.tumorboard.intake.Vessel;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.Patient;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.repository.PatientRepository;
import org.tumorboard.intake.rules.BiopsyIndication;
import org.tumorboard.intake.rules.CaseStatusRules;
import org.tumorboard.intake.rules.WorkupChecklist;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.failure.NotPermitted;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.security.Network;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.logging.Log;

/**
 * What coordinators do to a case: refer it, complete its imaging, withdraw it. Each use case is one transaction and
 * one audit record, validates its command, and emits its events through the outbox.
 */
@ApplicationScoped
public class ReferralService {

    /** A referral that would open a second case for a patient who already has one. */
    public record Referral(IntakeCase created, List<UUID> otherOpenCases) {
    }

    /** A coordinator's withdrawal of a case; the reason travels in the event, so it never names the patient. */
    public record Withdrawal(@NotBlank @Size(max = 1000) String reason) {
    }

    public record Withdrawn(UUID caseId, CaseStatus status) {
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
    Network sites;

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken caller;

    @Inject
    AuditContext audit;

    /** {@code POST /api/referrals}: a spoke refers only for its own site; the hub for any. */
    @Transactional
    @Audited(value = "REFERRAL", creates = true)
    public ReferralResult refer(@NotNull(message = "a referral body is required") @Valid ReferralCommand command) {
        if (!siteScope.canSee(command.referringSite())) {
            throw new NotPermitted("a spoke coordinator can refer only for their own site");
        }
        Referral referral = open(command, caller.getName());
        IntakeCase c = referral.created();
        BiopsyIndication.Result biopsy = BiopsyIndication.evaluate(c.neoadjuvantConsidered, c.imaging.suspectedNonSarcoma);
        return new ReferralResult(c.caseId, c.status, biopsy.indicated(), biopsy.reasons(), missingWorkup(c),
                referral.otherOpenCases());
    }

    /** The referral's writes: patient, case, timeline and events, in the caller's transaction. */
    @Transactional
    public Referral open(ReferralCommand request, String referredBy) {
        if (!sites.sites().containsKey(request.referringSite())) {
            throw new InvalidInput("referringSite", "is not a known referring site");
        }
        ReferralCommand.PatientIdentity identity = request.patient();
        ImagingFindings findings = assess(request);
        Optional<Patient> known = patients.lockBySiteAndMrn(request.referringSite(), identity.mrn());
        List<UUID> openCases = known.map(p -> cases.openCasesOf(p).stream().map(c -> c.caseId).toList()).orElse(List.of());
        if (!openCases.isEmpty() && !Boolean.TRUE.equals(request.confirmSecondOpenCase())) {
            throw new Conflict("Patient already has an open case",
                    "This patient already has an open case (" + openCases.get(0) + "). Add to that case, or send the referral "
                            + "again with confirmSecondOpenCase: true to open a second one.",
                    Map.of("openCases", openCases), List.of(new Conflict.FieldHint("confirmSecondOpenCase", "must be true to open a second case for this patient")));
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
        c.referredAt = CaseStatusRules.atStoredPrecision(clock.instant());
        c.statusSince = c.referredAt;
        c.referredBy = referredBy;
        cases.persist(c);

        ImagingFindings i = c.imaging;
        boolean workupComplete = missingWorkup(c).isEmpty();
        // The referral event says whether work-up is missing, so that the status (WORKUP or not) follows from the
        // events alone and a rebuild of the case registry from the topics gives the same answer.
        record(c, outbox.publish(CaseEventTypes.CASE_REFERRED, c.caseId.toString(), new CaseReferred(
                c.caseId.toString(), c.referringSite, c.referredAt, i.greatestDimensionCm, i.suspiciousNodes,
                i.distantLesions, c.neoadjuvantConsidered, workupComplete, i.forResectability(), biopsyIndicated(c))));
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

    /** Replaces the imaging findings and re-evaluates the work-up; the coordinator sees the case with identity. */
    @Transactional
    @Audited("IMAGING_UPDATE")
    public CaseView updateImaging(UUID caseId,
            @NotNull(message = "imaging findings are required") @Valid ReferralCommand.Imaging imaging) {
        IntakeCase c = visibleCase(caseId);
        if (!c.isOpen()) {
            throw new Conflict("case " + c.caseId + " is " + c.status + "; its imaging can no longer change");
        }
        checkImaging(imaging, c.patient.birthDate, "");
        boolean wasComplete = missingWorkup(c).isEmpty();
        c.imaging = toFindings(imaging);
        List<WorkupChecklist.Item> missing = missingWorkup(c);
        ImagingFindings i = c.imaging;
        record(c, outbox.publish(CaseEventTypes.IMAGING_UPDATED, c.caseId.toString(), new ImagingUpdated(c.caseId.toString(),
                i.greatestDimensionCm, i.suspiciousNodes, i.distantLesions, missing.stream().map(Enum::name).toList(),
                i.forResectability(), biopsyIndicated(c))));
        if (!wasComplete && missing.isEmpty()) {
            record(c, outbox.publish(CaseEventTypes.WORKUP_COMPLETED, c.caseId.toString(),
                    new WorkupCompleted(c.caseId.toString(), clock.instant())));
        }
        audit.identityDisclosed();
        return CaseView.of(c, missing, true);
    }

    @Transactional
    @Audited("WITHDRAWAL")
    public Withdrawn withdraw(UUID caseId, @NotNull(message = "a withdrawal needs a reason") @Valid Withdrawal withdrawal) {
        IntakeCase c = visibleCase(caseId);
        String reason = withdrawal.reason();
        if (!c.isOpen()) {
            throw new Conflict("case " + c.caseId + " is already " + c.status);
        }
        if (mentionsIdentity(reason, c.patient)) {
            // The reason travels in the withdrawn event; patient identity must never leave intake.
            throw new InvalidInput("reason", "must not contain the patient's name or MRN");
        }
        c.withdrawalReason = reason;
        record(c, outbox.publish(CaseEventTypes.CASE_WITHDRAWN, c.caseId.toString(),
                new org.tumorboard.events.CaseWithdrawn(c.caseId.toString(), reason)));
        Log.infof("case %s withdrawn", c.caseId);
        return new Withdrawn(c.caseId, c.status);
    }

    /** Intake's biopsy indication, for the board: a biopsy that is indicated is not waived (issue 20, path 5). */
    private static boolean biopsyIndicated(IntakeCase c) {
        return BiopsyIndication.evaluate(c.neoadjuvantConsidered, c.imaging.suspectedNonSarcoma).indicated();
    }

    /** The case if the caller's site may see it; another site's case is indistinguishable from a missing one. */
    IntakeCase visibleCase(UUID caseId) {
        return siteScope.visible(cases.findByIdOptional(caseId), found -> found.referringSite, "case " + caseId);
    }

    /** What a valid referral body must still meet before anything is stored, and the findings it records. */
    public static ImagingFindings assess(ReferralCommand request) {
        checkImaging(request.imaging(), request.patient().birthDate(), "imaging.");
        return toFindings(request.imaging());
    }

    static boolean mentionsIdentity(String text, Patient patient) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(patient.mrn, patient.givenName, patient.familyName)
                .filter(v -> v != null && v.length() >= 2)
                .anyMatch(v -> lower.contains(v.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<WorkupChecklist.Item> missingWorkup(IntakeCase c) {
        return c.missingWorkup();
    }

    private void record(IntakeCase c, CaseEvent event) {
        c.recordOwn(event);
    }

    private Patient newPatient(String site, ReferralCommand.PatientIdentity identity) {
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
    private static void checkImaging(ReferralCommand.Imaging imaging, LocalDate birthDate, String fieldPrefix) {
        List<ReferralCommand.VesselInvolvement> vessels = imaging.vesselInvolvement() == null ? List.of() : imaging.vesselInvolvement();
        for (int i = 0; i < vessels.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (vessels.get(j).vessel() == vessels.get(i).vessel() && vessels.get(i).vessel() != Vessel.OTHER) {
                    throw new InvalidInput(fieldPrefix + "vesselInvolvement[" + i + "].vessel", vessels.get(i).vessel()
                            + " is listed twice: give each vessel once, with its extent");
                }
            }
        }
        if (imaging.ctAbdomenPelvisDate() != null && imaging.ctAbdomenPelvisDate().isBefore(birthDate)) {
            throw new InvalidInput(fieldPrefix + "ctAbdomenPelvisDate", "must not be before the patient's birth date");
        }
        if (imaging.chestImaging() != null && imaging.chestImaging().date() != null
                && imaging.chestImaging().date().isBefore(birthDate)) {
            throw new InvalidInput(fieldPrefix + "chestImaging.date", "must not be before the patient's birth date");
        }
    }

    private static ImagingFindings toFindings(ReferralCommand.Imaging imaging) {
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
        f.vesselInvolvement = imaging.vesselInvolvement() == null || imaging.vesselInvolvement().isEmpty() ? null
                : imaging.vesselInvolvement().stream().map(v -> new ImagingFindings.VesselInvolvement(v.vessel(), v.extent())).toList();
        f.organsAbutted = imaging.organsAbutted() == null || imaging.organsAbutted().isEmpty() ? null
                : imaging.organsAbutted().stream().distinct().toList();
        return f;
    }
}
