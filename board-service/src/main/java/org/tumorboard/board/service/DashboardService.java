package org.tumorboard.board.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.tumorboard.board.TreatmentType;
import org.tumorboard.board.rules.Spread;
import org.tumorboard.board.surveillance.service.SurveillanceService;
import org.tumorboard.board.treatment.service.TreatmentService;

/**
 * The hub's timeliness figures (rps-reference.md section 7), from board-service's own records: days from referral to
 * the first board decision, and from that decision to the first treatment given (a "not implemented" record is not a
 * treatment), per referring site; plus how many plans and surveillance visits are overdue now.
 */
@ApplicationScoped
public class DashboardService {

    public record SiteTimeliness(String site, int cases, int decided, int treated, Spread referralToDecisionDays,
            Spread decisionToTreatmentDays) {
    }

    public record Timeliness(LocalDate asOf, List<SiteTimeliness> sites, int overduePlans, int overdueSurveillanceVisits) {
    }

    @Inject
    EntityManager em;

    @Inject
    TreatmentService treatments;

    @Inject
    SurveillanceService surveillance;

    @Inject
    Clock clock;

    /** {@code site} null for every site (the hub), a spoke's code for that spoke only. */
    @Transactional
    public Timeliness timeliness(String site) {
        Map<String, List<Long>> toDecision = new TreeMap<>();
        Map<String, List<Long>> toTreatment = new TreeMap<>();
        Map<String, Integer> caseCounts = new TreeMap<>();
        // A case the board heard of from another service before its referral has no site or referral date yet: it is
        // counted once its referral arrives, not as a site named "null".
        for (Object[] row : em.createQuery("select c.referringSite, count(c) from BoardCase c where c.referringSite is not null"
                + " and (:site is null or c.referringSite = :site) group by c.referringSite", Object[].class)
                .setParameter("site", site).getResultList()) {
            caseCounts.put((String) row[0], ((Number) row[1]).intValue());
            toDecision.put((String) row[0], new ArrayList<>());
            toTreatment.put((String) row[0], new ArrayList<>());
        }
        List<Object[]> decided = em.createQuery("select c.referringSite, c.referredAt, min(d.decidedAt),"
                + " (select min(t.date) from Treatment t where t.caseId = c.caseId and t.type <> :notImplemented)"
                + " from BoardCase c, Decision d where d.caseId = c.caseId and c.referringSite is not null"
                + " and c.referredAt is not null and (:site is null or c.referringSite = :site)"
                + " group by c.caseId, c.referringSite, c.referredAt", Object[].class)
                .setParameter("site", site).setParameter("notImplemented", TreatmentType.NOT_IMPLEMENTED).getResultList();
        for (Object[] row : decided) {
            String from = (String) row[0];
            LocalDate referred = LocalDate.ofInstant((Instant) row[1], clock.getZone());
            LocalDate decision = LocalDate.ofInstant((Instant) row[2], clock.getZone());
            toDecision.get(from).add(ChronoUnit.DAYS.between(referred, decision));
            LocalDate treated = (LocalDate) row[3];
            if (treated != null) {
                toTreatment.get(from).add(ChronoUnit.DAYS.between(decision, treated));
            }
        }
        List<SiteTimeliness> sites = caseCounts.entrySet().stream()
                .map(e -> new SiteTimeliness(e.getKey(), e.getValue(), toDecision.get(e.getKey()).size(),
                        toTreatment.get(e.getKey()).size(), Spread.of(toDecision.get(e.getKey())),
                        Spread.of(toTreatment.get(e.getKey()))))
                .toList();
        int overdueVisits = (int) surveillance.countOverdue(site);
        return new Timeliness(LocalDate.now(clock), sites, treatments.overdue(site).size(), overdueVisits);
    }
}
