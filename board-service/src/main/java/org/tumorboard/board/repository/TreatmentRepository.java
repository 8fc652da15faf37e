package org.tumorboard.board.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.Treatment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TreatmentRepository implements PanacheRepositoryBase<Treatment, UUID> {

    public List<Treatment> ofCase(UUID caseId) {
        return list("caseId", Sort.by("date").and("recordedAt"), caseId);
    }
}
