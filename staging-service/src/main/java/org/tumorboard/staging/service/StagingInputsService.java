package org.tumorboard.staging.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.EventType;
import org.tumorboard.events.staging.CaseStaged;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.staging.Staging;
import org.tumorboard.staging.StagingCase;
import org.tumorboard.staging.repository.StagingCaseRepository;
import org.tumorboard.staging.repository.StagingRepository;
import org.tumorboard.staging.rules.CaseStagingRule;
import org.tumorboard.staging.rules.CaseStagingRule.Input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Takes each input from the event that brings it and re-stages the case whenever an input changes. */
@ApplicationScoped
public class StagingInputsService {

    private static final TypeReference<List<Input>> INPUTS = new TypeReference<>() {
    };

    /** The events that carry staging inputs. */
    private static final List<EventType<?>> INPUT_EVENTS = List.of(CaseEventTypes.CASE_REFERRED, CaseEventTypes.IMAGING_UPDATED,
            CaseEventTypes.BIOPSY_REPORTED, CaseEventTypes.REPORT_AMENDED, CaseEventTypes.RESECTION_REPORTED,
            CaseEventTypes.TREATMENT_RECORDED);

    @Inject
    StagingCaseRepository cases;

    @Inject
    StagingRepository stagings;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Runs inside the consumer's inbox transaction. */
    @Transactional(TxType.MANDATORY)
    public void apply(CaseEvent event) {
        if (INPUT_EVENTS.stream().noneMatch(event::is)) {
            return;
        }
        StagingCase c = caseOf(event);
        if (event.is(CaseEventTypes.CASE_REFERRED)) {
            var p = event.payload(CaseEventTypes.CASE_REFERRED);
            c.referringSite = p.referringSite();
            c.clinical(event, p.greatestDimensionCm(), p.suspiciousNodes(), p.distantLesions());
        } else if (event.is(CaseEventTypes.IMAGING_UPDATED)) {
            var p = event.payload(CaseEventTypes.IMAGING_UPDATED);
            c.clinical(event, p.greatestDimensionCm(), p.suspiciousNodes(), p.distantLesions());
        } else if (event.is(CaseEventTypes.BIOPSY_REPORTED)) {
            var p = event.payload(CaseEventTypes.BIOPSY_REPORTED);
            c.grading(event, p.grade(), p.histology());
        } else if (event.is(CaseEventTypes.REPORT_AMENDED)) {
            var p = event.payload(CaseEventTypes.REPORT_AMENDED);
            if ("RESECTION".equals(p.reportKind())) {
                c.resection(event, p.greatestDimensionCm(), p.nodesExamined(), p.nodesPositive());
            } else {
                c.grading(event, p.grade(), p.histology());
            }
        } else if (event.is(CaseEventTypes.RESECTION_REPORTED)) {
            var p = event.payload(CaseEventTypes.RESECTION_REPORTED);
            c.resection(event, p.greatestDimensionCm(), p.nodesExamined(), p.nodesPositive());
        } else if (event.is(CaseEventTypes.TREATMENT_RECORDED)
                && String.valueOf(event.payload(CaseEventTypes.TREATMENT_RECORDED).type()).startsWith("NEOADJUVANT_")) {
            c.neoadjuvantTherapy(event);
        } else {
            return;
        }
        restage(c, event);
    }

    /** Records a new staging when the evaluation is complete and differs from the latest one. */
    private void restage(StagingCase c, CaseEvent trigger) {
        CaseStagingRule.Evaluation evaluation = CaseStagingRule.evaluate(c.facts());
        if (!evaluation.complete()) {
            return;
        }
        Optional<Staging> latest = stagings.latest(c.caseId);
        List<String> changed = latest
                .map(previous -> CaseStagingRule.changed(previous.prefix, read(previous.inputs), evaluation.prefix(), evaluation.inputs()))
                .orElse(List.of("initial"));
        if (changed.isEmpty()) {
            return;
        }
        var stage = evaluation.stage();
        Staging s = new Staging();
        s.id = UUID.randomUUID();
        s.caseId = c.caseId;
        s.prefix = evaluation.prefix();
        s.t = stage.t().name();
        s.n = stage.n().name();
        s.m = stage.m().name();
        s.g = stage.g().name();
        s.group = stage.group().name();
        s.edition = stage.edition();
        s.failurePattern = evaluation.failurePattern() == null ? null : evaluation.failurePattern().pattern().name();
        s.inputs = write(evaluation.inputs());
        s.changed = write(changed);
        s.triggerEventId = trigger.id();
        s.stagedAt = clock.instant();
        stagings.persist(s);
        outbox.publish(CaseEventTypes.CASE_STAGED, c.caseId.toString(), new CaseStaged(c.caseId.toString(), s.prefix, s.t, s.n,
                s.m, s.g, s.group, s.edition, s.failurePattern, changed));
        Log.infof("case %s staged %s%s %s %s %s: %s (changed: %s)", c.caseId, s.prefix, s.t, s.n, s.m, s.g, s.group, changed);
    }

    /** The case's record, created by whichever of its events arrives first: staging's inputs commute. */
    private StagingCase caseOf(CaseEvent event) {
        UUID caseId = event.caseUuid();
        return cases.findByIdOptional(caseId).orElseGet(() -> {
            StagingCase created = new StagingCase();
            created.caseId = caseId;
            cases.persist(created);
            return created;
        });
    }

    List<Input> read(String inputs) {
        try {
            return json.readValue(inputs, INPUTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored staging inputs are not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("staging inputs cannot be written as JSON", e);
        }
    }
}
