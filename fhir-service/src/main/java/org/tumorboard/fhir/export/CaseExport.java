package org.tumorboard.fhir.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.fhir.mcode.McodeCase;
import org.tumorboard.fhir.mcode.McodeObservations;
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
            record.pathologyOfRecord().filter(p -> p.grade() != null).ifPresent(p -> McodeObservations.histologicGrade(caseId,
                    gradeOfRecord(record, p), gradeTime(record, p), subject, focus).ifPresent(all::add));
            if (record.clinical() != null) {
                all.addAll(McodeObservations.staging(caseId, record.clinical().fact(), record.clinical().at(), subject, focus));
            }
            if (record.pathologic() != null) {
                all.addAll(McodeObservations.staging(caseId, record.pathologic().fact(), record.pathologic().at(), subject, focus));
            }
        }
        List<TreatmentRecorded> surgeries = record.surgeries();
        for (int i = 0; i < surgeries.size(); i++) {
            // the resection report belongs to the last surgery: earlier ones were followed by another
            boolean last = i == surgeries.size() - 1;
            all.add(McodeTreatment.resection(caseId, i + 1, surgeries.get(i),
                    last && record.resection() != null ? record.resection().fact() : null, subject, focus));
        }
        if (record.resection() != null) {
            McodeTreatment.specimenSize(caseId, record.resection().fact(), record.resection().at(), subject, tumor).ifPresent(all::add);
            if (focus != null) {
                McodeTreatment.margin(caseId, record.resection().fact(), record.resection().at(), subject, focus).ifPresent(all::add);
            }
        }
        List<CaseRecord.Dated<PlanDecided>> decisions = record.decisions();
        for (int i = 0; i < decisions.size(); i++) {
            boolean superseded = i < decisions.size() - 1;
            List<String> notes = new ArrayList<>();
            notes.add("Decided by the multidisciplinary sarcoma board in discussion round " + (i + 1) + ".");
            if (superseded) {
                notes.add("Superseded by the board's decision of round " + (i + 2) + ".");
            }
            all.add(McodeTreatment.decision(caseId, i + 1, decisions.get(i).fact(), decisions.get(i).at(), superseded, notes, subject,
                    focus));
        }
        if (focus != null) {
            record.visits().forEach(visit -> all.add(McodeObservations.diseaseStatus(caseId, visit, subject, focus)));
        }
        return all;
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
     * biopsy that diagnosed a sarcoma; none before a biopsy or for a tumour that is not a sarcoma.
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

    private static BiopsyReported gradeOfRecord(CaseRecord record, PathologyOfRecord pathology) {
        return new BiopsyReported(record.caseId(), "of-record", 1, pathology.histology(), pathology.grade(), null, List.of());
    }

    private static java.time.Instant gradeTime(CaseRecord record, PathologyOfRecord pathology) {
        return pathology.gradeSource() == PathologyOfRecord.Source.SPECIMEN && record.resection() != null ? record.resection().at()
                : record.biopsy() != null ? record.biopsy().at() : record.resection().at();
    }
}
