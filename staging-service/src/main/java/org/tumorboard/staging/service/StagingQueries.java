package org.tumorboard.staging.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tumorboard.platform.security.SiteScope;
import org.tumorboard.staging.Staging;
import org.tumorboard.staging.StagingCase;
import org.tumorboard.staging.repository.StagingCaseRepository;
import org.tumorboard.staging.repository.StagingRepository;
import org.tumorboard.staging.rules.CaseStagingRule;
import org.tumorboard.staging.rules.CaseStagingRule.Input;
import org.tumorboard.staging.rules.FailurePattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What clinicians read of a case's staging: the current one (or what it still needs) and its history. */
@ApplicationScoped
public class StagingQueries {

    /**
     * A staging of the case, or, while inputs are missing, which ones ({@code complete: false}); for a case that is not
     * a sarcoma, {@code notApplicable} says why it has no sarcoma stage.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StagingView(UUID caseId, boolean complete, List<CaseStagingRule.Missing> missing, String prefix, String t,
            String n, String m, String g, String group, String edition, FailurePattern.Result failurePattern, List<Input> inputs,
            List<String> changed, Instant stagedAt, String notApplicable) {
    }

    @Inject
    StagingCaseRepository cases;

    @Inject
    StagingRepository stagings;

    @Inject
    SiteScope siteScope;

    /** The latest staging, or what is still missing for one. */
    @Transactional
    public StagingView current(UUID caseId) {
        StagingCase c = visibleCase(caseId);
        CaseStagingRule.Evaluation evaluation = CaseStagingRule.evaluate(c.facts());
        if (evaluation.notApplicable() != null) {
            return unstaged(caseId, evaluation);
        }
        return stagings.latest(caseId).map(this::view).orElseGet(() -> unstaged(caseId, evaluation));
    }

    private static StagingView unstaged(UUID caseId, CaseStagingRule.Evaluation evaluation) {
        return new StagingView(caseId, false, evaluation.missing(), null, null, null, null, null, null, null,
                evaluation.failurePattern(), evaluation.inputs(), null, null, evaluation.notApplicable());
    }

    /** Every staging of the case, oldest first. */
    @Transactional
    public List<StagingView> history(UUID caseId) {
        visibleCase(caseId);
        return stagings.history(caseId).stream().map(this::view).toList();
    }

    private StagingView view(Staging s) {
        FailurePattern.Result pattern = s.failurePattern == null ? null
                : FailurePattern.of(s.inputs.stream().filter(i -> i.name().equals("histology"))
                        .map(Input::value).findFirst().orElse(null));
        return new StagingView(s.caseId, true, null, s.prefix, s.t.name(), s.n.name(), s.m.name(), s.g.name(), s.group.name(),
                s.edition, pattern, s.inputs, s.changed, s.stagedAt, null);
    }

    private StagingCase visibleCase(UUID caseId) {
        return siteScope.visible(cases.findByIdOptional(caseId), found -> found.referringSite, "case " + caseId);
    }
}
