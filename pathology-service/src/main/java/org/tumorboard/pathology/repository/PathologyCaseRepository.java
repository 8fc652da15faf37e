package org.tumorboard.pathology.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.pathology.PathologyCase;
import org.tumorboard.pathology.PathologyCase.Awaiting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PathologyCaseRepository implements PanacheRepositoryBase<PathologyCase, UUID> {

    /**
     * A worklist query: cases awaiting a report (of one kind when given), oldest first, of the site when given, whose id
     * starts with the prefix when given (a LIKE pattern, escaped). Paged by the caller; indexed (V5).
     */
    public PanacheQuery<PathologyCase> waiting(String site, Awaiting awaiting, String caseIdPrefix) {
        StringBuilder query = new StringBuilder("awaiting <> :nothing");
        Parameters params = Parameters.with("nothing", Awaiting.NOTHING);
        if (awaiting != null) {
            query.append(" and awaiting = :awaiting");
            params.and("awaiting", awaiting);
        }
        if (site != null) {
            query.append(" and referringSite = :site");
            params.and("site", site);
        }
        if (caseIdPrefix != null) {
            query.append(" and cast(caseId as String) like :prefix escape '\\'");
            params.and("prefix", caseIdPrefix);
        }
        return find(query.toString(), Sort.by("awaitingSince").and("caseId"), params);
    }

    /** Cases awaiting a report, oldest first; {@code site} null for every site. */
    public List<PathologyCase> worklist(String site) {
        Sort oldestFirst = Sort.by("awaitingSince").and("caseId");
        if (site == null) {
            return list("awaiting <> ?1", oldestFirst, Awaiting.NOTHING);
        }
        return list("awaiting <> ?1 and referringSite = ?2", oldestFirst, Awaiting.NOTHING, site);
    }
}
