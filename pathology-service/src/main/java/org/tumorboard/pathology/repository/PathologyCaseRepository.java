package org.tumorboard.pathology.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyCase.Awaiting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PathologyCaseRepository implements PanacheRepositoryBase<PathologyCase, UUID> {

    /** Cases awaiting a report, oldest first; {@code site} null for every site. */
    public List<PathologyCase> worklist(String site) {
        Sort oldestFirst = Sort.by("awaitingSince").and("caseId");
        if (site == null) {
            return list("awaiting <> ?1", oldestFirst, Awaiting.NOTHING);
        }
        return list("awaiting <> ?1 and referringSite = ?2", oldestFirst, Awaiting.NOTHING, site);
    }
}
