package org.tumorboard.intake.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.Patient;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.rules.CaseSearch;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.identity.SecurityIdentity;

/** What clinicians read of the cases: the list, one case (audited, with identity for some roles), the dashboard counts. */
@ApplicationScoped
public class CaseQueries {

    /** {@code patient}: the patient's identity, for the roles that contact or treat the patient; absent for the others. */
    public record CaseSummary(UUID caseId, String referringSite, CaseStatus status, Instant statusSince, Instant referredAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) PatientIdentity patient) {
    }

    public record PatientIdentity(String mrn, String givenName, String familyName, LocalDate birthDate, Patient.Sex sex) {
    }

    public record CasePage(List<CaseSummary> items, int page, int size, long total) {
    }

    public record SiteCounts(String site, long total, Map<CaseStatus, Long> byStatus) {
    }

    public record CaseCounts(long total, Map<CaseStatus, Long> byStatus, List<SiteCounts> sites) {
    }

    @Inject
    CaseRepository cases;

    @Inject
    ReferralService referrals;

    @Inject
    SiteScope siteScope;

    @Inject
    SecurityIdentity caller;

    @Inject
    AuditContext audit;

    @Inject
    EntityManager em;

    /** What the list is asked for: the search box, the filters and the ids of the cases on another list's page. */
    public record ListQuery(String text, CaseStatus status, String site, LocalDate referredFrom, LocalDate referredTo,
            Set<UUID> caseIds) {
    }

    /**
     * A page of the cases the caller's site may see, searched and filtered in SQL; a spoke asking for another site's
     * cases gets none. The roles that contact or treat the patient find cases by name or MRN and see who each case is
     * (on the audit trail as identity disclosed); the others find cases by id only.
     */
    @Transactional
    @Audited("CASE_LIST")
    public CasePage list(ListQuery asked, int page, int size) {
        if (!siteScope.isHub() && asked.site() != null && !asked.site().equals(siteScope.site())) {
            // A spoke sees only its own site: another site's filter matches nothing, and says nothing of what exists.
            return new CasePage(List.of(), page, size, 0);
        }
        boolean withIdentity = mayKnowIdentity();
        CaseSearch search = new CaseSearch(asked.text(), withIdentity, asked.status(), siteScope.restrictFilter(asked.site()),
                asked.referredFrom(), asked.referredTo(), asked.caseIds());
        CaseRepository.Found found = cases.search(search, page, size);
        List<CaseSummary> items = found.page().stream()
                .map(c -> new CaseSummary(c.caseId, c.referringSite, c.status, c.statusSince, c.referredAt,
                        withIdentity ? identity(c.patient) : null))
                .toList();
        if (withIdentity && !items.isEmpty()) {
            // The trail says whose identity this list showed: the record of a list names its cases.
            audit.identityDisclosed();
            audit.note("identity of cases " + items.stream().map(c -> c.caseId().toString()).collect(Collectors.joining(",")));
        }
        return new CasePage(items, page, size, found.total());
    }

    private boolean mayKnowIdentity() {
        return caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.NURSE) || caller.hasRole(Roles.SURGEON);
    }

    private static PatientIdentity identity(Patient p) {
        return new PatientIdentity(p.mrn, p.givenName, p.familyName, p.birthDate, p.sex);
    }

    /** One case; identity only for the roles that contact or treat the patient, and the audit record says so. */
    @Transactional
    @Audited("CASE_READ")
    public CaseView read(UUID caseId) {
        IntakeCase c = referrals.visibleCase(caseId);
        boolean withIdentity = mayKnowIdentity();
        if (withIdentity) {
            audit.identityDisclosed();
        }
        return CaseView.of(c, referrals.missingWorkup(c), withIdentity);
    }

    /**
     * The hub dashboard's case counts: how many cases are in each status, in all and per referring site, every status
     * named (zero included) so a chart's categories do not depend on the data. A spoke's user gets their own site's.
     */
    @Transactional
    public CaseCounts counts() {
        Map<String, Map<CaseStatus, Long>> perSite = new TreeMap<>();
        Map<CaseStatus, Long> all = zeros();
        for (Object[] row : em.createQuery("select c.referringSite, c.status, count(c) from IntakeCase c"
                + " where (:site is null or c.referringSite = :site) group by c.referringSite, c.status", Object[].class)
                .setParameter("site", siteScope.restrictFilter(null)).getResultList()) {
            CaseStatus status = (CaseStatus) row[1];
            long n = ((Number) row[2]).longValue();
            perSite.computeIfAbsent((String) row[0], s -> zeros()).merge(status, n, Long::sum);
            all.merge(status, n, Long::sum);
        }
        List<SiteCounts> sites = perSite.entrySet().stream()
                .map(e -> new SiteCounts(e.getKey(), sum(e.getValue()), e.getValue())).toList();
        return new CaseCounts(sum(all), all, sites);
    }

    private static Map<CaseStatus, Long> zeros() {
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    private static long sum(Map<CaseStatus, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
