package org.tumorboard.board.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.Treatment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TreatmentRepository implements PanacheRepositoryBase<Treatment, UUID> {

    /** Neoadjuvant therapy was given (a milestone recorded): the pre-treatment grade governs (rps-reference.md section 8). */
    public boolean neoadjuvantGiven(UUID caseId) {
        return ofCase(caseId).stream().anyMatch(t -> t.type.isNeoadjuvant());
    }

    /** The treatments of several cases in one query, by case, each case's in date order. */
    public java.util.Map<UUID, List<Treatment>> ofCases(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Map.of();
        }
        return list("caseId in ?1", Sort.by("date").and("recordedAt"), caseIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(t -> t.caseId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    public List<Treatment> ofCase(UUID caseId) {
        return list("caseId", Sort.by("date").and("recordedAt"), caseId);
    }
}
