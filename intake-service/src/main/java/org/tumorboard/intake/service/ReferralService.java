package org.tumorboard.intake.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.intake.CaseReferred;
import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.ImagingFindings;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.Patient;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.repository.PatientRepository;
import org.tumorboard.intake.rest.ReferralRequest;
import org.tumorboard.intake.rules.WorkupChecklist;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.problem.ProblemException;

import io.quarkus.logging.Log;

@ApplicationScoped
public class ReferralService {

    @Inject
    PatientRepository patients;

    @Inject
    CaseRepository cases;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tumorboard.sites")
    Set<String> knownSites;

    /** Creates the case and its referred event in one transaction. */
    @Transactional
    public IntakeCase refer(ReferralRequest request, String referredBy) {
        if (!knownSites.contains(request.referringSite())) {
            throw ProblemException.invalidField("referringSite", "is not a known referring site");
        }
        ReferralRequest.PatientIdentity identity = request.patient();
        Patient patient = patients.findBySiteAndMrn(request.referringSite(), identity.mrn()).orElseGet(() -> {
            Patient p = new Patient();
            p.id = UUID.randomUUID();
            p.site = request.referringSite();
            p.mrn = identity.mrn();
            p.givenName = identity.givenName();
            p.familyName = identity.familyName();
            p.birthDate = identity.birthDate();
            p.sex = identity.sex();
            patients.persist(p);
            return p;
        });

        IntakeCase c = new IntakeCase();
        c.caseId = UUID.randomUUID();
        c.patient = patient;
        c.referringSite = request.referringSite();
        c.status = CaseStatus.REFERRED;
        c.clinicalQuestion = request.clinicalQuestion();
        c.neoadjuvantConsidered = request.neoadjuvantConsidered();
        c.imaging = toFindings(request.imaging());
        c.referredAt = clock.instant();
        c.referredBy = referredBy;
        cases.persist(c);

        ImagingFindings i = c.imaging;
        CaseEvent event = outbox.publish(CaseEventTypes.CASE_REFERRED, c.caseId.toString(), new CaseReferred(
                c.caseId.toString(), c.referringSite, c.referredAt, i.greatestDimensionCm, i.suspiciousNodes,
                i.distantLesions, c.neoadjuvantConsidered));
        c.addTimelineEntry(event.id(), event.type(), c.referredAt, "Referred by " + c.referringSite);
        Log.infof("case %s referred by site %s", c.caseId, c.referringSite);
        return c;
    }

    public List<WorkupChecklist.Item> missingWorkup(IntakeCase c) {
        return WorkupChecklist.missing(c.imaging.ctAbdomenPelvisDate != null, c.imaging.chestModality, false);
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
