package org.tumorboard.fhir.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.BiopsyWaived;
import org.tumorboard.events.CaseDischarged;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.CaseWithdrawn;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.SurveillanceScheduled;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.events.Unknown;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.events.WorkupReopened;

/**
 * What the four topics have said of one case, folded into the facts the FHIR export needs. Pure: the same events, in
 * any order of arrival, give the same record. Each owner's facts are ordered by its own per-case sequence (never by
 * time, architecture.md); a report's amendment replaces its earlier version whatever order they came in; a redelivered
 * event is one row of the read model and so one fact.
 *
 * @param referral     intake's first referral (its site scopes every read; a referral naming another site is refused by
 *                     the read model, as by every service), null until it has arrived
 * @param imagingSize  the imaging's greatest dimension as intake last knew it (the referral, then its updates)
 * @param imagingAt    when intake recorded that size
 * @param biopsies     the biopsy reports at their latest versions, dated and ordered as pathology first published them
 * @param biopsy       of those, the current one: the report pathology updated last (as staging takes the latest
 *                     report event; pathology-service itself skips a report that gives no histology), null before one
 * @param diagnosedAt  when pathology first published a report after which the pathology of record is a sarcoma (a
 *                     biopsy's, or a specimen's when the biopsy was waived or found none)
 * @param resections   the resection reports at their latest versions, dated and ordered as pathology first published
 *                     them
 * @param resection    of those, the current one (updated last), null before one
 * @param clinical     the latest clinical (c) staging, null before one
 * @param pathologic   the latest pathologic (p) staging, null before one
 * @param surgeries    the surgeries the board recorded, in its order
 * @param afterNeoadjuvant neoadjuvant therapy was recorded (rps-reference.md section 8: the biopsy's grade governs)
 * @param decisions    the board's decisions, in its order, each with what became of it
 * @param visits       the surveillance visits the board recorded, in its order (each once: a visit's VisitRecorded and
 *                     the RecurrenceRecorded beside it are one visit; before VisitRecorded, recurrences only)
 * @param withdrawn    intake withdrew the case
 */
public record CaseRecord(String caseId, CaseReferred referral, BigDecimal imagingSize, Instant imagingAt,
        List<Dated<BiopsyReported>> biopsies, Dated<BiopsyReported> biopsy, Instant diagnosedAt,
        List<Dated<ResectionReported>> resections, Dated<ResectionReported> resection, Dated<CaseStaged> clinical,
        Dated<CaseStaged> pathologic, List<Dated<TreatmentRecorded>> surgeries, boolean afterNeoadjuvant, List<Decision> decisions,
        List<Visit> visits, boolean withdrawn) {

    /**
     * What became of a board decision: carried out (a surgery followed), set aside (not implemented, superseded, the
     * case withdrawn), or still the plan.
     */
    public enum PlanStatus {
        ACTIVE, COMPLETED, REVOKED
    }

    public record Decision(PlanDecided fact, Instant at, PlanStatus status) {
    }

    /** A surveillance visit: its number in the schedule (null when only its recurrence was published), day and outcome. */
    public record Visit(Integer number, LocalDate date, String outcome) {
    }

    /** A fact with the time its owner published it. */
    public record Dated<T>(T fact, Instant at) {
    }

    /** The site whose users may read the case; empty until intake's referral has arrived (then only the hub could). */
    public Optional<String> referringSite() {
        return Optional.ofNullable(referral).map(CaseReferred::referringSite);
    }

    /** rps-reference.md section 8: the histology and grade that govern the case, from both reports. */
    public Optional<PathologyOfRecord> pathologyOfRecord() {
        return pathologyOfRecord(biopsy == null ? null : biopsy.fact(), resection == null ? null : resection.fact(), afterNeoadjuvant);
    }

    static Optional<PathologyOfRecord> pathologyOfRecord(BiopsyReported biopsy, ResectionReported resection, boolean afterNeoadjuvant) {
        if (biopsy == null && resection == null) {
            return Optional.empty();
        }
        return Optional.of(PathologyOfRecord.of(
                biopsy == null ? null : biopsy.histology(), biopsy == null ? null : biopsy.grade(),
                resection == null ? null : resection.histology(), resection == null ? null : resection.grade(), afterNeoadjuvant));
    }

    /** Folds one case's events, as the read model holds them (any order). */
    public static CaseRecord of(String caseId, List<CaseEvent> events) {
        // the same event twice (a redelivery, a replay) is one fact; so is the owner's same numbered fact published again
        // under a new id (the owner numbers each of its facts of a case once: architecture.md, delivery guarantees)
        Map<Object, CaseEvent> once = new LinkedHashMap<>();
        for (CaseEvent event : events) {
            Object key = event.sequence() == CaseEvent.UNSEQUENCED ? event.id() : List.of(event.source(), event.sequence());
            once.putIfAbsent(key, event);
        }
        List<CaseEvent> ordered = new ArrayList<>(once.values());
        // one owner's facts by its sequence; owners are independent (each fact kind has one owner)
        ordered.sort(Comparator.comparing(CaseEvent::source).thenComparingLong(CaseEvent::sequence)
                .thenComparing(CaseEvent::time).thenComparing(CaseEvent::id));
        Fold fold = new Fold();
        ordered.forEach(fold::apply);
        return fold.record(caseId);
    }

    /**
     * A report's versions: the highest one is what the report says, dated when the report was first published; reports
     * in the order pathology first published them.
     */
    private static final class Reports<T> {
        private final Map<String, Dated<T>> latest = new LinkedHashMap<>();
        private final Map<String, Integer> versions = new LinkedHashMap<>();
        /** The report whose version came last in pathology's order. */
        private String current;

        void version(String reportId, int version, T report, Instant at) {
            Integer known = versions.get(reportId);
            if (known == null || version > known) {
                // a report keeps the time it was first published (what it is paired and dated by); an amendment
                // replaces what it says
                Dated<T> first = latest.get(reportId);
                latest.put(reportId, new Dated<>(report, first == null ? at : first.at()));
                versions.put(reportId, version);
                current = reportId;
            } else if (latest.containsKey(reportId) && at.isBefore(latest.get(reportId).at())) {
                latest.put(reportId, new Dated<>(latest.get(reportId).fact(), at)); // the first version arrived after its amendment
            }
        }

        List<Dated<T>> all() {
            return List.copyOf(latest.values());
        }

        /** The report pathology updated last, null before one. */
        Dated<T> current() {
            return current == null ? null : latest.get(current);
        }
    }

    private static final class Fold {
        CaseReferred referral;
        BigDecimal imagingSize;
        Instant imagingAt;
        final Reports<BiopsyReported> biopsies = new Reports<>();
        final Reports<ResectionReported> resections = new Reports<>();
        Instant diagnosedAt;
        Dated<CaseStaged> clinical;
        Dated<CaseStaged> pathologic;
        final List<Dated<TreatmentRecorded>> surgeries = new ArrayList<>();
        boolean neoadjuvant;
        /** The board's decisions and what followed them, in the board's order: PlanDecided or TreatmentRecorded. */
        final List<Dated<?>> plans = new ArrayList<>();
        Instant nonSarcomaAt;
        final List<Visit> visits = new ArrayList<>();
        boolean withdrawn;

        void apply(CaseEvent event) {
            Instant at = event.time();
            switch (event.payload()) {
                case CaseReferred p -> {
                    if (referral == null || referral.referringSite().equals(p.referringSite())) {
                        // a referral never moves a case to another site (CaseReferred.siteFor; the read model refuses it)
                        referral = referral == null ? p : referral;
                        imagingSize = p.greatestDimensionCm();
                        imagingAt = p.referredAt();
                    }
                }
                case ImagingUpdated p -> {
                    imagingSize = p.greatestDimensionCm();
                    imagingAt = at;
                }
                case CaseWithdrawn p -> withdrawn = true;
                case BiopsyReported p -> biopsy(p.reportId(), p.version(), p, at);
                case BiopsyAmended p -> biopsy(p.reportId(), p.version(), new BiopsyReported(p.caseId(), p.reportId(), p.version(),
                        p.histology(), p.grade(), p.score(), p.alerts(), p.findings()), at);
                case ResectionReported p -> resection(p, at);
                case ResectionAmended p -> resection(amended(p), at);
                case CaseStaged p -> {
                    if ("c".equals(p.prefix())) {
                        clinical = new Dated<>(p, at);
                    } else if ("p".equals(p.prefix())) {
                        pathologic = new Dated<>(p, at);
                    }
                    // yp and r stagings: mCODE 4.0.0 has no codes for them here (AjccCodes); not exported
                }
                case TreatmentRecorded p -> {
                    if (p.isSurgery()) {
                        surgeries.add(new Dated<>(p, at));
                    } else if (p.isNeoadjuvant()) {
                        neoadjuvant = true;
                    }
                    plans.add(new Dated<>(p, at));
                }
                case PlanDecided p -> plans.add(new Dated<>(p, at));
                case VisitRecorded p -> visit(new Visit(p.number(), p.visitDate(), p.outcome()));
                case RecurrenceRecorded p -> {
                    if (p.visitDate() != null && p.outcome() != null) {
                        visit(new Visit(null, p.visitDate(), p.outcome()));
                    } // an old recurrence without its day or finding states no disease status; the board always sends both now
                }
                // the amendment before pathology published one type per report kind (topics keep it for ever); later
                // published beside its typed twin, which carries the same version and so changes nothing here; no longer
                // published
                case ReportAmended p -> {
                    switch (p.asSpecificAmendment()) {
                        // a legacy amendment carries no findings: the version it makes has none (never the older scores)
                        case BiopsyAmended b -> biopsy(b.reportId(), b.version(), new BiopsyReported(b.caseId(), b.reportId(),
                                b.version(), b.histology(), b.grade(), b.score(), b.alerts(), b.findings()), at);
                        case ResectionAmended r -> resection(amended(r), at);
                    }
                }
                // facts that change no exported resource: the workflow's own steps, and the flag the reports already carry
                case WorkupCompleted p -> { }
                case WorkupReopened p -> { }
                case CaseScheduled p -> { }
                case SurveillanceScheduled p -> { }
                case CaseDischarged p -> { }
                case BiopsyWaived p -> { }
                case NonSarcomaFlagged p -> {
                    // the board sets its plan aside when pathology finds no sarcoma (a restored diagnosis does not revive it)
                    nonSarcomaAt = at; // the latest flag: a plan decided after a restored diagnosis stands until flagged again
                }
                case SarcomaDiagnosisRestored p -> { }
                case Unknown p -> { }
            }
        }

        private void biopsy(String reportId, int version, BiopsyReported report, Instant at) {
            biopsies.version(reportId, version, report, at);
            diagnosed(at);
        }

        private void resection(ResectionReported report, Instant at) {
            resections.version(report.reportId(), report.version(), report, at);
            diagnosed(at);
        }

        /**
         * A visit once: the board publishes a recurrence both as the visit and as RecurrenceRecorded (same day, same
         * outcome), and published only the latter before VisitRecorded existed.
         */
        private void visit(Visit visit) {
            for (int i = 0; i < visits.size(); i++) {
                Visit known = visits.get(i);
                boolean same = known.date().equals(visit.date()) && known.outcome().equals(visit.outcome())
                        && (known.number() == null || visit.number() == null || known.number().equals(visit.number()));
                if (same) {
                    if (known.number() == null) {
                        visits.set(i, visit.number() == null ? known : visit);
                    }
                    return;
                }
            }
            visits.add(visit);
        }

        /** The date of diagnosis: the first pathology fact after which the pathology of record is a sarcoma. */
        private void diagnosed(Instant at) {
            if (diagnosedAt != null) {
                return;
            }
            Dated<BiopsyReported> b = biopsies.current();
            Dated<ResectionReported> r = resections.current();
            pathologyOfRecord(b == null ? null : b.fact(), r == null ? null : r.fact(), neoadjuvant)
                    .filter(p -> p.histology() != null && !PathologyOfRecord.NOT_SARCOMA.equals(p.histology()))
                    .ifPresent(p -> diagnosedAt = at);
        }

        private static ResectionReported amended(ResectionAmended p) {
            return new ResectionReported(p.caseId(), p.reportId(), p.version(), p.margin(), p.greatestDimensionCm(), p.nodesExamined(),
                    p.nodesPositive(), p.marginMissProbability(), p.histology(), p.grade(), p.treatmentEffectPercent(), p.alerts(),
                    p.findings());
        }

        /**
         * What became of each decision, from what the board recorded after it: a surgery carried it out; a plan not
         * implemented, a later decision without a surgery between, or the case's withdrawal set it aside.
         */
        private List<Decision> decisions() {
            List<Decision> decisions = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                if (!(plans.get(i).fact() instanceof PlanDecided decided)) {
                    continue;
                }
                PlanStatus status = null;
                for (int j = i + 1; j < plans.size() && status == null; j++) {
                    Object next = plans.get(j).fact();
                    if (next instanceof TreatmentRecorded t && t.isSurgery()) {
                        // carried out; a non-surgical plan has no event that says it is done, and stays the plan
                        status = PlanStatus.COMPLETED;
                    } else if (next instanceof TreatmentRecorded t && TreatmentRecorded.NOT_IMPLEMENTED.equals(t.type())
                            || next instanceof PlanDecided) {
                        status = PlanStatus.REVOKED;
                    }
                }
                boolean setAside = withdrawn || nonSarcomaAt != null && nonSarcomaAt.isAfter(plans.get(i).at());
                decisions.add(new Decision(decided, plans.get(i).at(), status != null ? status
                        : setAside ? PlanStatus.REVOKED : PlanStatus.ACTIVE));
            }
            return List.copyOf(decisions);
        }

        CaseRecord record(String caseId) {
            return new CaseRecord(caseId, referral, imagingSize, imagingAt, biopsies.all(), biopsies.current(), diagnosedAt,
                    resections.all(), resections.current(),
                    clinical, pathologic, List.copyOf(surgeries), neoadjuvant, decisions(), List.copyOf(visits), withdrawn);
        }
    }
}
