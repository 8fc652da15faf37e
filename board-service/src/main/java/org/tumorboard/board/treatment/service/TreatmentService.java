package org.tumorboard.board.treatment.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.board.BoardCase;
import org.tumorboard.board.NotImplementedReason;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.Treatment;
import org.tumorboard.board.TreatmentType;
import org.tumorboard.board.agenda.service.PlacesReadyCases;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.TreatmentRepository;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.board.treatment.rules.FollowThrough;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.outbox.Outbox;

import io.quarkus.logging.Log;
import org.tumorboard.board.service.BoardViews;
import org.tumorboard.board.surveillance.service.SurveillanceService;

/** Treatment milestones of a decided plan, and which plans have a late next step. */
@ApplicationScoped
public class TreatmentService {

    /** A treatment milestone as the surgeon or the chair records it. */
    public record Milestone(
            @NotNull TreatmentType type,
            @NotNull LocalDate date,
            Boolean enBloc,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an organ code such as KIDNEY_LEFT") String> organsResected,
            Boolean grossResidualDisease,
            NotImplementedReason reasonCode) {
    }

    public record TreatmentView(UUID treatmentId, TreatmentType type, LocalDate date) {
    }

    public record OverduePlan(UUID caseId, String referringSite, PlanOption option, LocalDate decidedOn, String nextStep,
            LocalDate due, long daysOverdue) {
    }

    @Inject
    TreatmentRepository treatments;

    @Inject
    BoardCaseRepository cases;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    org.tumorboard.board.config.BoardPolicies policies;

    @Inject
    BoardViews views;

    @Inject
    SurveillanceService surveillance;

    @Inject
    JsonWebToken caller;

    @Transactional
    @Audited(value = "TREATMENT", creates = true)
    @PlacesReadyCases
    public TreatmentView record(UUID caseId, @NotNull(message = "a treatment body is required") @Valid Milestone m) {
        BoardCase c = views.visibleCase(caseId);
        String by = caller.getName();
        // Off the pathway (not a sarcoma), withdrawn, or without a plan: 409 naming the phase and why (issue 20, path 1).
        c.command(Lifecycle.Trigger.RECORD_TREATMENT);
        if (c.decidedOption == null) {
            throw new Conflict("case " + c.caseId + " has no decided plan to carry out");
        }
        check(m, c.decidedOn, LocalDate.now(clock));
        Lifecycle.Phase before = c.phase;
        if (c.phase == Lifecycle.Phase.IN_SURVEILLANCE && m.type() != TreatmentType.SURGERY) {
            throw new Conflict("case " + c.caseId + " is IN_SURVEILLANCE: the resection is reported; only the operation's own"
                    + " record may still follow it");
        }
        Treatment t = new Treatment();
        t.id = UUID.randomUUID();
        t.caseId = c.caseId;
        t.type = m.type();
        t.date = m.date();
        t.enBloc = m.enBloc();
        t.organs = m.organsResected() == null || m.organsResected().isEmpty() ? null : List.copyOf(m.organsResected());
        t.grossResidual = m.grossResidualDisease();
        t.reasonCode = m.reasonCode();
        t.recordedAt = clock.instant();
        t.recordedBy = by;
        treatments.persist(t);
        if (m.type() == TreatmentType.SURGERY || m.type().isNeoadjuvant()) {
            c.treatmentStarted();
        }
        if (m.type() == TreatmentType.SURGERY) {
            c.surgeryRecorded(m.date(), m.grossResidualDisease());
        } else if (m.type() == TreatmentType.NOT_IMPLEMENTED) {
            c.notImplemented(m.reasonCode());
        }
        outbox.publish(CaseEventTypes.TREATMENT_RECORDED, c.caseId.toString(), new TreatmentRecorded(c.caseId.toString(),
                m.type().name(), m.date(), m.enBloc(), m.organsResected() == null ? List.of() : m.organsResected(),
                m.grossResidualDisease(), m.reasonCode() == null ? null : m.reasonCode().name()));
        if (m.type() == TreatmentType.SURGERY && Boolean.TRUE.equals(m.grossResidualDisease())
                && before == Lifecycle.Phase.IN_SURVEILLANCE) {
            // Gross residual disease stated after the report started surveillance: back to the board (issue 20, path 7).
            surveillance.grossResidualStated(c);
        } else if (m.type() == TreatmentType.SURGERY && before != Lifecycle.Phase.IN_SURVEILLANCE && c.inSurveillance) {
            // A re-resection decided in a new round while the patient is followed: the schedule follows the new operation.
            surveillance.reResected(c, m.date(), Boolean.TRUE.equals(m.grossResidualDisease()));
        }
        if (m.type() == TreatmentType.NOT_IMPLEMENTED) {
            // A plan not carried out comes back to the board for a new one (issue 20, path 6); the reason stays on record.
            c.reopen();
            Log.infof("case %s: plan not implemented (%s), back to the board for round %d", c.caseId, m.reasonCode(),
                    c.discussionRound);
        }
        return new TreatmentView(t.id, t.type, t.date);
    }

    /** What a milestone must meet against the decision's date and today (a 400 problem naming the field if not). */
    public static void check(Milestone m, LocalDate decidedOn, LocalDate today) {
        if (m.date().isAfter(today)) {
            throw new InvalidInput("date", "must not be in the future");
        }
        if (decidedOn != null && m.date().isBefore(decidedOn)) {
            throw new InvalidInput("date", "must not be before the board's decision of " + decidedOn);
        }
        if (m.type() == TreatmentType.NOT_IMPLEMENTED && m.reasonCode() == null) {
            throw new InvalidInput("reasonCode", "is required when the plan is not implemented");
        }
        if (m.type() != TreatmentType.NOT_IMPLEMENTED && m.reasonCode() != null) {
            throw new InvalidInput("reasonCode", "is only for a plan that is not implemented");
        }
    }

    /** Decided plans whose next step is late, most overdue first; {@code site} null for every site. */
    @Transactional
    public List<OverduePlan> overdue(String site) {
        return open(site).stream().filter(p -> p.daysOverdue() > 0)
                .sorted(Comparator.comparingLong(OverduePlan::daysOverdue).reversed())
                .toList();
    }

    /**
     * Every plan being carried out with its next step and when it is due, soonest first (the surgeon's operating list
     * reads those whose next step is the operation). Only plans still being carried out: an operated case is followed,
     * not waited for; their treatments are read in one query, not one per case.
     */
    @Transactional
    public List<OverduePlan> open(String site) {
        LocalDate today = LocalDate.now(clock);
        List<BoardCase> open = cases.withPlanBeingCarriedOut(site);
        Map<UUID, List<Treatment>> recorded = treatments.ofCases(open.stream().map(c -> c.caseId).toList());
        return open.stream()
                .map(c -> next(c, recorded.getOrDefault(c.caseId, List.of()), today))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(OverduePlan::due))
                .toList();
    }

    private Optional<OverduePlan> next(BoardCase c, List<Treatment> done, LocalDate today) {
        Map<String, LocalDate> recorded = new HashMap<>();
        done.forEach(t -> recorded.putIfAbsent(t.type.name(), t.date));
        PlanOption option = c.decidedOption;
        return FollowThrough.next(option, c.decidedOn, recorded, c.notImplementedReason != null, today, policies.followThrough())
                .map(n -> new OverduePlan(c.caseId, c.referringSite, option, c.decidedOn, n.treatment(), n.due(), n.daysOverdue()));
    }
}
