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

    public List<Vote> ofRound(UUID caseId, int round) {
        return list("caseId = ?1 and round = ?2", Sort.by("castAt").and("member"), caseId, round);
    }

    public Optional<Vote> byMember(UUID caseId, int round, String member) {
        return find("caseId = ?1 and round = ?2 and member = ?3", caseId, round, member).firstResultOptional();
    }
}
