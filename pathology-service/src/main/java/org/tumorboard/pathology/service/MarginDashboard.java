package org.tumorboard.pathology.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tumorboard.pathology.rules.MarginRates;
import org.tumorboard.platform.security.SiteScope;


/** The hub dashboard's R0 rate, from each resection report's current version; a spoke's user gets their own site's. */
@ApplicationScoped
public class MarginDashboard {

    public record Published(BigDecimal specializedCenters, BigDecimal otherCenters) {
    }

    public record Margins(MarginRates.Rate all, List<MarginRates.Rate> sites, Published published) {
    }

    @Inject
    EntityManager em;

    @Inject
    SiteScope siteScope;

    @Transactional
    public Margins margins() {
        String site = siteScope.restrictFilter(null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.referring_site, v.margin from pathology_report r"
                + " join report_version v on v.report_id = r.report_id and v.version = r.current_version"
                + " join pathology_case c on c.case_id = r.case_id"
                + " where r.kind = 'RESECTION' and (cast(:site as text) is null or c.referring_site = cast(:site as text))")
                .setParameter("site", site).getResultList();
        List<MarginRates.Resection> resections = rows.stream()
                .map(row -> new MarginRates.Resection((String) row[0], (String) row[1])).toList();
        return new Margins(MarginRates.rate("ALL", resections), MarginRates.bySite(resections),
                new Published(MarginRates.PUBLISHED_SPECIALIZED, MarginRates.PUBLISHED_OTHERS));
    }
}
