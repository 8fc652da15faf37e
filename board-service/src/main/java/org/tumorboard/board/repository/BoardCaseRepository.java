package org.tumorboard.board.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.rules.Lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class BoardCaseRepository implements PanacheRepositoryBase<BoardCase, UUID> {

    public List<BoardCase> onAgenda(UUID meetingId) {
        return list("meetingId", Sort.by("referredAt").and("caseId"), meetingId);
    }

    public long countOnAgenda(UUID meetingId) {
        return count("meetingId", meetingId);
    }

    /** The cases of one referring site on the meeting's agenda. */
    public long countOnAgenda(UUID meetingId, String site) {
        return count("meetingId = ?1 and referringSite = ?2", meetingId, site);
    }

    /**
     * Cases ready for the board and waiting for a meeting, oldest referral first (a case whose referral has not arrived
     * yet last). Readiness has one home, {@code rules/Readiness}, which puts a case in the READY phase.
     */
    public List<BoardCase> waiting() {
        return list("phase = ?1 and meetingId is null", Sort.by("referredAt", Sort.NullPrecedence.NULLS_LAST).and("caseId"),
                Lifecycle.Phase.READY);
    }

    /** Cases whose decided plan is being carried out (decided, or in treatment), by phase (indexed, V11). */
    public List<BoardCase> withPlanBeingCarriedOut(String site) {
        List<Lifecycle.Phase> phases = List.of(Lifecycle.Phase.DECIDED, Lifecycle.Phase.IN_TREATMENT);
        String query = "phase in ?1 and decidedOption is not null and decidedOn is not null";
        return site == null ? list(query, phases) : list(query + " and referringSite = ?2", phases, site);
    }
}
