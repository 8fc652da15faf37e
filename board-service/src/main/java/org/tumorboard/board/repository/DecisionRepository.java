package org.tumorboard.board.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.Decision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<Decision, UUID> {

    public Optional<Decision> of(UUID caseId, int round) {
        return find("caseId = ?1 and round = ?2", caseId, round).firstResultOptional();
    }
}
