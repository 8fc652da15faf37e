package org.tumorboard.pathology.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.pathology.rules.MarginRates;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The hub dashboard's R0 rate, from each resection report's current version; a spoke's user gets their own site's. */
@Path("/api/dashboard/margins")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    public record Published(BigDecimal specializedCenters, BigDecimal otherCenters) {
    }

    public record Margins(MarginRates.Rate all, List<MarginRates.Rate> sites, Published published) {
    }

    @Inject
    EntityManager em;

    @Inject
    SiteScope siteScope;

    @Inject
    ObjectMapper json;

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public Margins margins() {
        String site = siteScope.restrictFilter(null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.referring_site, v.result from pathology_report r"
                + " join report_version v on v.report_id = r.report_id and v.version = r.current_version"
                + " join pathology_case c on c.case_id = r.case_id"
                + " where r.kind = 'RESECTION' and (cast(:site as text) is null or c.referring_site = cast(:site as text))")
                .setParameter("site", site).getResultList();
        List<MarginRates.Resection> resections = rows.stream()
                .map(row -> new MarginRates.Resection((String) row[0], margin((String) row[1]))).toList();
        return new Margins(MarginRates.rate("ALL", resections), MarginRates.bySite(resections),
                new Published(MarginRates.PUBLISHED_SPECIALIZED, MarginRates.PUBLISHED_OTHERS));
    }

    private String margin(String result) {
        try {
            return json.readTree(result).path("margin").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored resection result is not JSON", e);
        }
    }
}
