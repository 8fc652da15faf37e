package org.tumorboard.pathology.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.intake.CaseReferred;
import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyCase.Awaiting;
import org.tumorboard.pathology.repository.PathologyCaseRepository;

import io.quarkus.logging.Log;

@ApplicationScoped
public class WorklistService {

    @Inject
    PathologyCaseRepository cases;

    /** A referred case awaits its biopsy report. Runs inside the consumer's inbox transaction. */
    @Transactional(TxType.MANDATORY)
    public void caseReferred(CaseEvent event, CaseReferred referred) {
        UUID caseId = UUID.fromString(event.caseId());
        if (cases.findByIdOptional(caseId).isPresent()) {
            return;
        }
        PathologyCase c = new PathologyCase();
        c.caseId = caseId;
        c.referringSite = referred.referringSite();
        c.referredAt = referred.referredAt();
        c.awaiting = Awaiting.BIOPSY_REPORT;
        c.awaitingSince = event.time();
        cases.persist(c);
        Log.infof("case %s on the biopsy worklist", caseId);
    }
}
