package org.tumorboard.fhir.export;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SpecimenFindings;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.fhir.mcode.McodeCase;
import org.tumorboard.fhir.mcode.McodeObservations;
import org.tumorboard.fhir.mcode.McodePathology;
import org.tumorboard.fhir.mcode.McodeTreatment;
import org.tumorboard.fhir.readmodel.CaseRecord;

/**
 * One case's resources, from its record and its patient (with or without identity, as the caller may see it). Pure:
 * the same record gives the same resources, with the same ids.
 */
public final class CaseExport {

    private CaseExport() {
    }

    /** Every resource of the case, the patient first. */
    public static List<Resource> resources(CaseRecord record, Patient patient) {
        String caseId = record.caseId();
        Reference subject = new Reference("Patient/" + caseId);
        List<Resource> all = new ArrayList<>();
        all.add(patient);
        Optional<Condition> condition = primaryCancer(record, subject);
        condition.ifPresent(all::add);
        Reference focus = condition.map(c -> new Reference("Condition/" + c.getIdElement().getIdPart())).orElse(null);

        all.add(McodeTreatment.tumor(caseId, subject, focus));
        Reference tumor = new Reference("BodyStructure/" + caseId + "-tumor");
        McodeTreatment.imagingSize(caseId, record.imagingSize(), record.imagingAt(), subject, tumor).ifPresent(all::add);
        if (focus != null) {
            // the facts about the cancer: only once there is a sarcoma they are about
            record.pathologyOfRecord().filter(p -> p.grade() != null).ifPresent(p -> grade(record, p, subject, focus, all));
            if (record.clinical() != null) {
                all.addAll(McodeObservations.staging(caseId, record.clinical().fact(), record.clinical().at(), subject, focus));
            }
            if (record.pathologic() != null) {
                all.addAll(McodeObservations.staging(caseId, record.pathologic().fact(), record.pathologic().at(), subject, focus));
            }
        }
        List<CaseRecord.Dated<TreatmentRecorded>> surgeries = record.surgeries();
        List<CaseRecord.Dated<ResectionReported>> reports = record.resections();
        Map<Integer, CaseRecord.Dated<ResectionReported>> specimenOf = specimens(surgeries, reports);
        List<Integer> unpaired = new ArrayList<>();
        for (int j = 0; j < reports.size(); j++) {
            if (!specimenOf.containsValue(reports.get(j))) {
                unpaired.add(j);
            }
            McodeTreatment.specimenSize(caseId, j + 1, reports.get(j).fact(), reports.get(j).at(), subject, tumor).ifPresent(all::add);
        }
        for (int i = 0; i < surgeries.size(); i++) {
            TreatmentRecorded surgery = surgeries.get(i).fact();
            CaseRecord.Dated<ResectionReported> report = specimenOf.get(i);
            all.add(McodeTreatment.resection(caseId, i + 1, surgery, report == null ? null : report.fact(), subject, focus));
            if (focus != null) {
                // the surgeon's R2 is dated by the operation; a pathologist's margin by the report
                LocalDate day = Boolean.TRUE.equals(surgery.grossResidualDisease()) || report == null ? surgery.date()
                        : day(report.at());
                McodeTreatment.margin(caseId + "-margin-" + (i + 1), report == null ? null : report.fact(), surgery, day, subject, focus)
                        .ifPresent(all::add);
            }
        }
        for (int j : unpaired) {
            if (focus != null) {
                McodeTreatment.margin(caseId + "-margin-specimen-" + (j + 1), reports.get(j).fact(), null, day(reports.get(j).at()),
                        subject, focus).ifPresent(all::add);
            }
        }
        // the reports' tumour marker tests, about the patient's tumour whether or not it is a sarcoma
        List<CaseRecord.Dated<BiopsyReported>> biopsies = record.biopsies();
        for (int j = 0; j < biopsies.size(); j++) {
            all.addAll(McodePathology.markers(caseId, "b" + (j + 1), biopsies.get(j).fact().findings(), biopsies.get(j).at(), subject,
                    focus));
        }
        for (int j = 0; j < reports.size(); j++) {
            all.addAll(McodePathology.markers(caseId, "s" + (j + 1), reports.get(j).fact().findings(), reports.get(j).at(),
                    subject, focus));
        }
        List<CaseRecord.Decision> decisions = record.decisions();
        for (int i = 0; i < decisions.size(); i++) {
            CaseRecord.Decision decision = decisions.get(i);
            List<String> notes = new ArrayList<>();
            notes.add("Decided by the multidisciplinary sarcoma board (decision " + (i + 1) + " of the case).");
            notes.add(switch (decision.status()) {
                case COMPLETED -> "Carried out: the board recorded the surgery.";
                case REVOKED -> record.withdrawn() && i == decisions.size() - 1 ? "Set aside: the case was withdrawn."
                        : "Set aside: not implemented, superseded by the board's next decision, or pathology found no sarcoma.";
                case ACTIVE -> "The case's current plan.";
            });
            notes.addAll(McodeTreatment.voteNotes(decision.fact()));
            all.add(McodeTreatment.decision(caseId, i + 1, decision.fact(), decision.at(), decision.status(), notes, subject, focus));
        }
        if (focus != null) {
            for (int i = 0; i < record.visits().size(); i++) {
                CaseRecord.Visit visit = record.visits().get(i);
                all.add(McodeObservations.diseaseStatus(caseId, i + 1, visit.date(), visit.outcome(), subject, focus));
            }
        }
        return all;
    }

    /**
     * Which operation each resection report is the specimen of: in the order pathology first published them, each report
     * goes to the earliest operation (by its date, then as the board recorded them) that has none yet and was done on or
     * before the day the report was published; a report with no such operation stands alone. By index of the surgery.
     */
    static Map<Integer, CaseRecord.Dated<ResectionReported>> specimens(List<CaseRecord.Dated<TreatmentRecorded>> surgeries,
            List<CaseRecord.Dated<ResectionReported>> reports) {
        List<Integer> byDate = new ArrayList<>();
        for (int i = 0; i < surgeries.size(); i++) {
            if (surgeries.get(i).fact().date() != null) {
                byDate.add(i);
            }
        }
        byDate.sort(java.util.Comparator.comparing(i -> surgeries.get(i).fact().date()));
        Map<Integer, CaseRecord.Dated<ResectionReported>> specimenOf = new HashMap<>();
        for (CaseRecord.Dated<ResectionReported> report : reports) {
            LocalDate reported = day(report.at());
            byDate.stream().filter(i -> !specimenOf.containsKey(i) && !surgeries.get(i).fact().date().isAfter(reported)).findFirst()
                    .ifPresent(i -> specimenOf.put(i, report));
        }
        return specimenOf;
    }

    private static LocalDate day(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The case as a searchset Bundle ($everything), each entry with its full URL under {@code base}. */
    public static Bundle bundle(List<Resource> resources, String base) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(resources.size());
        for (Resource resource : resources) {
            bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /**
     * The primary cancer by the pathology of record (the specimen's histology when it gives one), dated by the first
     * report after which it is a sarcoma; none before a report or for a tumour that is not a sarcoma.
     */
    private static Optional<Condition> primaryCancer(CaseRecord record, Reference subject) {
        Optional<PathologyOfRecord> pathology = record.pathologyOfRecord();
        if (pathology.isEmpty() || pathology.get().histology() == null || record.diagnosedAt() == null) {
            return Optional.empty();
        }
        BiopsyReported basis = new BiopsyReported(record.caseId(), "of-record", 1, pathology.get().histology(), pathology.get().grade(),
                null, List.of());
        return McodeCase.primaryCancer(record.caseId(), basis, record.diagnosedAt(), subject);
    }

    /**
     * The grade of record and the FNCLCC component scores of the report that gave it, the grade derived from them (a GX
     * grade is not exported; its assessable components are).
     */
    private static void grade(CaseRecord record, PathologyOfRecord pathology, Reference subject, Reference focus, List<Resource> all) {
        boolean specimen = pathology.gradeSource() == PathologyOfRecord.Source.SPECIMEN && record.resection() != null;
        CaseRecord.Dated<?> report = specimen ? record.resection() : record.biopsy() != null ? record.biopsy() : record.resection();
        SpecimenFindings findings = report.fact() instanceof BiopsyReported b ? b.findings()
                : ((ResectionReported) report.fact()).findings();
        String part = report.fact() instanceof BiopsyReported ? "b" + (record.biopsies().indexOf(report) + 1)
                : "s" + (record.resections().indexOf(report) + 1);
        List<Observation> components = McodePathology.components(record.caseId(), part, findings, report.at(), subject, focus);
        McodeObservations.histologicGrade(record.caseId(), gradeOfRecord(record, pathology), gradeTime(record, pathology), subject, focus)
                .ifPresent(grade -> {
                    components.forEach(c -> grade.addDerivedFrom(new Reference("Observation/" + c.getIdElement().getIdPart())));
                    all.add(grade);
                });
        all.addAll(components);
    }

    private static BiopsyReported gradeOfRecord(CaseRecord record, PathologyOfRecord pathology) {
        return new BiopsyReported(record.caseId(), "of-record", 1, pathology.histology(), pathology.grade(), null, List.of());
    }

    private static java.time.Instant gradeTime(CaseRecord record, PathologyOfRecord pathology) {
        return pathology.gradeSource() == PathologyOfRecord.Source.SPECIMEN && record.resection() != null ? record.resection().at()
                : record.biopsy() != null ? record.biopsy().at() : record.resection().at();
    }
}
