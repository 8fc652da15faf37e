package org.tumorboard.board.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.Vote;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<Vote, UUID> {

    /** A case on an open meeting's agenda, undecided, that the member has not voted on in its current round. */
    public record Pending(UUID caseId, String referringSite, UUID meetingId, java.time.LocalDate meetingDate, int round) {
    }

    /**
     * The cases waiting for this member's vote: on the agenda of an open meeting, still to be decided, and without the
     * member's vote in their current round; the earliest meeting first. {@code site} null for every site.
     */
    public List<Pending> pendingFor(String member, String site) {
        return getEntityManager().createQuery("select c.caseId, c.referringSite, m.id, m.date, c.discussionRound"
                + " from BoardCase c join Meeting m on m.id = c.meetingId"
                + " where m.closed = false and c.phase = :scheduled and (:site is null or c.referringSite = :site)"
                + " and not exists (select 1 from Vote v where v.caseId = c.caseId and v.round = c.discussionRound"
                + " and v.member = :member)"
                + " order by m.date, c.referredAt, c.caseId", Object[].class)
                .setParameter("scheduled", org.tumorboard.board.rules.Lifecycle.Phase.SCHEDULED)
                .setParameter("site", site).setParameter("member", member)
                .setMaxResults(200).getResultStream()
                .map(r -> new Pending((UUID) r[0], (String) r[1], (UUID) r[2], (java.time.LocalDate) r[3], (Integer) r[4]))
                .toList();
    }

    public List<Vote> ofRound(UUID caseId, int round) {
        return list("caseId = ?1 and round = ?2", Sort.by("castAt").and("member"), caseId, round);
    }

    public Optional<Vote> byMember(UUID caseId, int round, String member) {
        return find("caseId = ?1 and round = ?2 and member = ?3", caseId, round, member).firstResultOptional();
    }
}
