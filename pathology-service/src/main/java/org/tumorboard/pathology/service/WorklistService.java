package org.tumorboard.pathology.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.intake.CaseReferred;
import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyCase.Awaiting;
import org.tumorboard.pathology.repository.PathologyCaseRepository;
import org.tumorboard.platform.messaging.RetryLaterException;

import io.quarkus.logging.Log;

/** The worklist follows the case: referred -> biopsy report awaited; surgery recorded -> resection report awaited. */
@ApplicationScoped
public class WorklistService {

    @Inject
    PathologyCaseRepository cases;

    /** Runs inside the consumer's inbox transaction. */
    @Transactional(TxType.MANDATORY)
    public void apply(CaseEvent event) {
        if (event.is(CaseEventTypes.CASE_REFERRED)) {
            caseReferred(event, event.payload(CaseEventTypes.CASE_REFERRED));
        } else if (event.is(CaseEventTypes.TREATMENT_RECORDED)
                && "SURGERY".equals(event.payload(CaseEventTypes.TREATMENT_RECORDED).type())) {
            known(event).surgeryRecorded(event.time());
            Log.infof("case %s on the resection worklist", event.caseId());
        } else if (event.is(CaseEventTypes.CASE_WITHDRAWN)) {
            known(event).withdrawn(event.time());
        }
    }

    private void caseReferred(CaseEvent event, CaseReferred referred) {
        UUID caseId = event.caseUuid();
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

    private PathologyCase known(CaseEvent event) {
        return cases.findByIdOptional(event.caseUuid())
                .orElseThrow(() -> new RetryLaterException("case " + event.caseId() + " is not known to pathology-service"));
    }
}
