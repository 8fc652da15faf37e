package org.tumorboard.board.repository;

import java.time.LocalDate;
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

    /** Open visits due on or before the date, across cases, oldest due first. */
    public List<SurveillanceVisit> openDueBy(LocalDate date) {
        return list("doneOn is null and due <= ?1", Sort.by("due").and("caseId"), date);
    }

    public long deleteOpen(UUID caseId) {
        return delete("caseId = ?1 and doneOn is null", caseId);
    }
}
