package org.tumorboard.board.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.intake.CaseReferred;

@ApplicationScoped
public class BoardIntakeService {

    @Inject
    BoardCaseRepository cases;

    /** A referred case waits, not ready, until work-up, pathology and staging are in. */
    @Transactional(TxType.MANDATORY)
    public void caseReferred(CaseEvent event, CaseReferred referred) {
        UUID caseId = UUID.fromString(event.caseId());
        if (cases.findByIdOptional(caseId).isPresent()) {
            return;
        }
        BoardCase c = new BoardCase();
        c.caseId = caseId;
        c.referringSite = referred.referringSite();
        c.referredAt = referred.referredAt();
        cases.persist(c);
    }
}
