package org.tumorboard.intake.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.rules.CaseEventMeaning;
import org.tumorboard.platform.messaging.RetryLaterException;

import io.quarkus.logging.Log;

/** Keeps every case's status and timeline from the events of all four services. */
@ApplicationScoped
public class CaseRegistry {

    @Inject
    CaseRepository cases;

    @Inject
    jakarta.persistence.EntityManager em;

    /**
     * Drops what the registry derived from events (timeline, status, known grade) and the inbox, keeping the source of
     * truth (patients, referrals, imaging, withdrawal reasons). Replaying the topics then rebuilds it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int dropReadModels() {
        em.createNativeQuery("delete from timeline_entry").executeUpdate();
        em.createNativeQuery("delete from inbox_event").executeUpdate();
        return em.createNativeQuery("update intake_case set status = 'REFERRED', status_since = referred_at, known_grade = null")
                .executeUpdate();
    }

    /** Runs inside the consumer's inbox transaction. */
    @Transactional(TxType.MANDATORY)
    public void apply(CaseEvent event) {
        UUID caseId = event.caseUuid();
        IntakeCase c = cases.findByIdOptional(caseId)
                .orElseThrow(() -> new RetryLaterException("case " + caseId + " is not known to intake-service"));
        if (c.hasTimelineEntry(event.id())) {
            return; // our own event, recorded when it was emitted
        }
        CaseEventMeaning.Meaning meaning = CaseEventMeaning.of(event);
        if (event.is(CaseEventTypes.BIOPSY_REPORTED)) {
            c.knownGrade = event.payload(CaseEventTypes.BIOPSY_REPORTED).grade();
        } else if (event.is(CaseEventTypes.REPORT_AMENDED) && event.payload(CaseEventTypes.REPORT_AMENDED).grade() != null) {
            c.knownGrade = event.payload(CaseEventTypes.REPORT_AMENDED).grade();
        }
        c.addTimelineEntry(event.id(), event.type(), event.time(), meaning.summary());
        if (c.moveStatus(meaning.target(), event.time())) {
            Log.infof("case %s is now %s (%s)", c.caseId, c.status, event.type());
        }
    }
}
