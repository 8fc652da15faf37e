package org.tumorboard.intake.rest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

/**
 * The hub dashboard's case counts: how many cases are in each status, in all and per referring site, every status
 * named (zero included) so a chart's categories do not depend on the data. A spoke's user gets their own site's.
 */
@Path("/api/dashboard/cases")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    public record SiteCounts(String site, long total, Map<CaseStatus, Long> byStatus) {
    }

    public record CaseCounts(long total, Map<CaseStatus, Long> byStatus, List<SiteCounts> sites) {
    }

    @Inject
    EntityManager em;

    @Inject
    SiteScope siteScope;

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
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
