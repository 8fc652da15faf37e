package org.tumorboard.pathology.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.pathology.PathologyReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<PathologyReport, UUID> {

    public List<PathologyReport> ofCase(UUID caseId) {
        return list("caseId", Sort.by("createdAt").and("reportId"), caseId);
    }

    public boolean hasBiopsy(UUID caseId) {
        return count("caseId = ?1 and kind = ?2", caseId, PathologyReport.Kind.BIOPSY) > 0;
    }
}
