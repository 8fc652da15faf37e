package org.tumorboard.pathology.service;

import java.time.Instant;
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
            CaseReferred referred = event.payload(CaseEventTypes.CASE_REFERRED);
            PathologyCase c = cases.findByIdOptional(event.caseUuid()).orElse(null);
            if (c == null) {
                c = newCase(event.caseUuid(), Awaiting.BIOPSY_REPORT, event.time());
                Log.infof("case %s on the biopsy worklist", c.caseId);
            }
            // A case first seen through a later event keeps what that event set; the referral adds who and when.
            c.referringSite = referred.referringSite();
            c.referredAt = referred.referredAt();
        } else if (event.is(CaseEventTypes.TREATMENT_RECORDED)
                && "SURGERY".equals(event.payload(CaseEventTypes.TREATMENT_RECORDED).type())) {
            PathologyCase c = cases.findByIdOptional(event.caseUuid())
                    .orElseGet(() -> newCase(event.caseUuid(), Awaiting.RESECTION_REPORT, event.time()));
            c.surgeryRecorded(event.time());
            Log.infof("case %s on the resection worklist", c.caseId);
        } else if (event.is(CaseEventTypes.CASE_WITHDRAWN)) {
            cases.findByIdOptional(event.caseUuid())
                    .orElseGet(() -> newCase(event.caseUuid(), Awaiting.NOTHING, event.time()))
                    .withdrawn(event.time());
        }
    }

    private PathologyCase newCase(UUID caseId, Awaiting awaiting, Instant since) {
        PathologyCase c = new PathologyCase();
        c.caseId = caseId;
        c.awaiting = awaiting;
        c.awaitingSince = since;
        cases.persist(c);
        return c;
    }
}
