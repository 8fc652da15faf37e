package org.tumorboard.intake.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.Patient;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<IntakeCase, UUID> {

    public List<IntakeCase> openCasesOf(Patient patient) {
        return list("patient = ?1 and status not in ?2", patient,
                List.of(CaseStatus.WITHDRAWN, CaseStatus.DISCHARGED, CaseStatus.NOT_SARCOMA));
    }

    /** Cases, newest referral first, filtered by status and site when given. */
    public PanacheQuery<IntakeCase> search(CaseStatus status, String site) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (site != null) {
            query.append(" and referringSite = :site");
            params.and("site", site);
        }
        return find(query.toString(), Sort.descending("referredAt").and("caseId"), params);
    }
}
