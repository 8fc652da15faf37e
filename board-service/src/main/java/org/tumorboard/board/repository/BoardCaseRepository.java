package org.tumorboard.board.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.BoardCase;

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

    /** Cases waiting for a meeting, oldest referral first (a case whose referral has not arrived yet last). */
    public List<BoardCase> waiting() {
        return list("meetingId is null and decidedOption is null and workupComplete = true and staged = true"
                + " and nonSarcoma = false and withdrawn = false", Sort.by("referredAt", Sort.NullPrecedence.NULLS_LAST).and("caseId"));
    }

    /** Decided cases still on their plan (not withdrawn, not discharged, not reopened); {@code site} null for all. */
    public List<BoardCase> decidedAndOpen(String site) {
        String query = "decidedOption is not null and decidedOn is not null and withdrawn = false and discharged = false";
        return site == null ? list(query) : list(query + " and referringSite = ?1", site);
    }
}
