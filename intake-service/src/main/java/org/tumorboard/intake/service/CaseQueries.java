package org.tumorboard.intake.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.identity.SecurityIdentity;

/** What clinicians read of the cases: the list, one case (audited, with identity for some roles), the dashboard counts. */
@ApplicationScoped
public class CaseQueries {

    public record CaseSummary(UUID caseId, String referringSite, CaseStatus status, Instant statusSince, Instant referredAt) {
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

    /** A page of the cases the caller's site may see; a spoke asking for another site's cases gets none. */
    @Transactional
    public CasePage list(CaseStatus status, String site, int page, int size) {
        if (!siteScope.isHub() && site != null && !site.equals(siteScope.site())) {
            // A spoke sees only its own site: another site's filter matches nothing, and says nothing of what exists.
            return new CasePage(List.of(), page, size, 0);
        }
        PanacheQuery<IntakeCase> query = cases.search(status, siteScope.restrictFilter(site)).page(page, size);
        List<CaseSummary> items = query.list().stream()
                .map(c -> new CaseSummary(c.caseId, c.referringSite, c.status, c.statusSince, c.referredAt)).toList();
        return new CasePage(items, page, size, query.count());
    }

    /** One case; identity only for the roles that contact or treat the patient, and the audit record says so. */
    @Transactional
    @Audited("CASE_READ")
    public CaseView read(UUID caseId) {
        IntakeCase c = referrals.visibleCase(caseId);
        boolean withIdentity = caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.NURSE) || caller.hasRole(Roles.SURGEON);
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
