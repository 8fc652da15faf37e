package org.tumorboard.intake.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventPayload;
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.rules.CaseEventMeaning;
import org.tumorboard.platform.messaging.CaseEventHandler;
import org.tumorboard.platform.messaging.RetryLaterException;
import org.tumorboard.platform.messaging.TopicReplay;

import io.quarkus.logging.Log;

/** Keeps every case's status and timeline from the events of all four services. */
@ApplicationScoped
public class CaseRegistry implements CaseEventHandler {

    @Inject
    CaseRepository cases;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    TopicReplay replay;

    /** What a rebuild did: the cases whose registry was reset and the replay of the topics. */
    public record Rebuilt(int cases, TopicReplay.Result replay) {
    }

    /** Drops the derived registry and replays the topics from the beginning through {@link #handle}. */
    public Rebuilt rebuild(List<String> topics) {
        int reset = dropReadModels();
        return new Rebuilt(reset, replay.replay(topics, this::handle));
    }

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
    @Override
    @Transactional(TxType.MANDATORY)
    public void handle(CaseEvent event) {
        UUID caseId = event.caseUuid();
        IntakeCase c = cases.findByIdOptional(caseId)
                .orElseThrow(() -> new RetryLaterException("case " + caseId + " is not known to intake-service"));
        if (c.hasTimelineEntry(event.id())) {
            return; // our own event, recorded when it was emitted
        }
        CaseEventPayload payload = event.payload();
        CaseEventMeaning.Meaning meaning = CaseEventMeaning.of(event);
        boolean amendment = false;
        switch (payload) {
            case BiopsyReported p -> c.knownGrade = p.grade();
            case BiopsyAmended p -> {
                c.knownGrade = p.grade();
                amendment = true;
            }
            case ReportAmended p -> {
                if (p.grade() != null) {
                    c.knownGrade = p.grade();
                }
                amendment = true;
            }
            case ResectionAmended p -> amendment = true;
            case SarcomaDiagnosisRestored p -> {
                if (c.returnToPathway(event.time())) {
                    Log.infof("case %s back on the sarcoma pathway (%s)", c.caseId, p.histology());
                }
            }
            default -> {
                // the other events move only the status and the timeline
            }
        }
        // Pathology publishes each amendment as two types while consumers move to the new ones: one timeline entry.
        if (!(amendment && c.hasTimelineSummary(meaning.summary()))) {
            c.addTimelineEntry(event.id(), event.type(), event.time(), meaning.summary());
        }
        if (c.moveStatus(meaning.target(), event.time())) {
            Log.infof("case %s is now %s (%s)", c.caseId, c.status, event.type());
        }
    }
}
