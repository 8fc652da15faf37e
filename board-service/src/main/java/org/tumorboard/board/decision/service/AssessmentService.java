package org.tumorboard.board.decision.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Resectability;
import org.tumorboard.board.service.BoardViews;
import org.tumorboard.platform.audit.Audited;

/**
 * What the surgeons and the board record before they decide (issue 20, paths 3 and 4; rps-reference.md section 8,
 * "Resectability and fitness"): resectability with its reason, and the patient's fitness. Both feed the suggestions.
 */
@ApplicationScoped
public class AssessmentService {

    /** {@code POST /api/cases/{caseId}/resectability}. */
    public record ResectabilityCommand(@NotNull Resectability assessment, @NotBlank @Size(max = 2000) String reason) {
    }

    /** {@code PUT /api/cases/{caseId}/fitness}: ECOG 0-4 and the major comorbidities. */
    public record FitnessCommand(@NotNull @Min(0) @Max(4) Integer ecog,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> comorbidities) {
    }

    @Inject
    BoardViews views;

    @Inject
    Clock clock;

    @Inject
    JsonWebToken caller;

    @Transactional
    @Audited("RESECTABILITY")
    public BoardViews.BoardView assessResectability(UUID caseId,
            @NotNull(message = "an assessment body is required") @Valid ResectabilityCommand command) {
        BoardCase c = views.visibleCase(caseId);
        c.assessResectability(command.assessment(), command.reason().strip(), caller.getName(), clock.instant());
        return views.view(c);
    }

    @Transactional
    @Audited("FITNESS")
    public BoardViews.BoardView recordFitness(UUID caseId, @NotNull(message = "a fitness body is required") @Valid FitnessCommand command) {
        BoardCase c = views.visibleCase(caseId);
        c.recordFitness(command.ecog(), command.comorbidities() == null ? List.of()
                : command.comorbidities().stream().map(String::strip).distinct().toList(), caller.getName(), clock.instant());
        return views.view(c);
    }
}
