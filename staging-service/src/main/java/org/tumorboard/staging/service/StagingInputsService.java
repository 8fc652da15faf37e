package org.tumorboard.staging.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.intake.CaseReferred;
import org.tumorboard.staging.StagingCase;
import org.tumorboard.staging.repository.StagingCaseRepository;

@ApplicationScoped
public class StagingInputsService {

    @Inject
    StagingCaseRepository cases;

    /** Size, nodes and distant lesions from the referral's imaging: the clinical (c) inputs. */
    @Transactional(TxType.MANDATORY)
    public void caseReferred(CaseEvent event, CaseReferred referred) {
        UUID caseId = UUID.fromString(event.caseId());
        StagingCase c = cases.findByIdOptional(caseId).orElseGet(() -> {
            StagingCase created = new StagingCase();
            created.caseId = caseId;
            created.referringSite = referred.referringSite();
            cases.persist(created);
            return created;
        });
        c.greatestDimensionCm = referred.greatestDimensionCm();
        c.suspiciousNodes = referred.suspiciousNodes();
        c.distantLesions = referred.distantLesions();
        c.sizeEventId = event.id();
    }
}
