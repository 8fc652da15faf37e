package org.tumorboard.board.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.SurveillanceVisit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SurveillanceRepository implements PanacheRepositoryBase<SurveillanceVisit, UUID> {

    public List<SurveillanceVisit> ofCase(UUID caseId) {
        return list("caseId", Sort.by("number"), caseId);
    }

    /** An open visit due and its case's referring site, read in one query. */
    public record DueRow(SurveillanceVisit visit, String referringSite) {
    }

    /**
     * A page of the open visits due on or before the date with their case's site (the site's own when given), oldest
     * due first: the overdue ones, due earliest, come first. One indexed query, however many cases are followed.
     */
    public List<DueRow> openDueBy(LocalDate date, String site, Collection<UUID> cases, int page, int size) {
        var query = getEntityManager().createQuery("select v, c.referringSite" + DUE + (cases.isEmpty() ? "" : " and v.caseId in :cases")
                + " order by v.due, v.caseId, v.number", Object[].class)
                .setParameter("by", date).setParameter("site", site);
        if (!cases.isEmpty()) {
            query.setParameter("cases", cases);
        }
        return query.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(row -> new DueRow((SurveillanceVisit) row[0], (String) row[1])).toList();
    }

    public long countOpenDueBy(LocalDate date, String site, Collection<UUID> cases) {
        var query = getEntityManager().createQuery("select count(v)" + DUE + (cases.isEmpty() ? "" : " and v.caseId in :cases"),
                Long.class).setParameter("by", date).setParameter("site", site);
        if (!cases.isEmpty()) {
            query.setParameter("cases", cases);
        }
        return query.getSingleResult();
    }

    private static final String DUE = " from SurveillanceVisit v join BoardCase c on c.caseId = v.caseId"
            + " where v.doneOn is null and v.due <= :by and (:site is null or c.referringSite = :site)";

    public long deleteOpen(UUID caseId) {
        return delete("caseId = ?1 and doneOn is null", caseId);
    }
}
