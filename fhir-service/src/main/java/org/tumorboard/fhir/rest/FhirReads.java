package org.tumorboard.fhir.rest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.tumorboard.fhir.export.CaseExport;
import org.tumorboard.fhir.mcode.McodeCase;
import org.tumorboard.fhir.readmodel.CaseRecord;
import org.tumorboard.fhir.readmodel.ReadModel;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The reads of the facade: a case's resources, as the caller may see them. Every read is on the audit trail (its case,
 * and whether identity went out); another site's case is not found, exactly as one that does not exist.
 */
@ApplicationScoped
public class FhirReads {

    /** Every resource id begins with its case's id (the Patient's is the case id). */
    private static final Pattern CASE_OF_ID = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-[A-Za-z0-9.-]{1,27})?");

    @Inject
    ReadModel readModel;

    @Inject
    SiteScope siteScope;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    @Inject
    IntakeIdentity intake;

    @Inject
    AuditContext audit;

    /** One resource by type and id. */
    @Transactional
    @Audited("FHIR_READ")
    public Resource read(String type, String id) {
        UUID caseId = caseOf(id).orElseThrow(() -> new NotFound(type + "/" + id));
        // identity is asked of intake only when the Patient itself is read
        return resources(caseId, type.equals("Patient")).stream()
                .filter(r -> r.fhirType().equals(type) && r.getIdElement().getIdPart().equals(id))
                .findFirst().orElseThrow(() -> new NotFound(type + "/" + id));
    }

    /** Every resource of the case whose patient this is. */
    @Transactional
    @Audited("FHIR_EVERYTHING")
    public List<Resource> everything(String patientId) {
        UUID caseId = caseOf(patientId).filter(id -> id.toString().equals(patientId))
                .orElseThrow(() -> new NotFound("Patient/" + patientId));
        return resources(caseId, true);
    }

    private List<Resource> resources(UUID caseId, boolean withPatient) {
        audit.concerns(caseId);
        CaseRecord record = siteScope.visible(readModel.find(caseId), r -> r.referringSite().orElse(null), "Patient/" + caseId);
        return CaseExport.resources(record, withPatient ? patient(caseId) : McodeCase.patientWithoutIdentity(caseId.toString()));
    }

    /** With identity only for the roles that contact or treat the patient (as intake decides it, and audits). */
    private Patient patient(UUID caseId) {
        boolean maySeeIdentity = caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.NURSE) || caller.hasRole(Roles.SURGEON);
        if (!maySeeIdentity) {
            return McodeCase.patientWithoutIdentity(caseId.toString());
        }
        Patient patient = intake.patient(caseId, token.getRawToken()).orElseThrow(() -> new NotFound("Patient/" + caseId));
        if (patient.getIdentifier().size() > 1 || patient.getNameFirstRep().hasFamily() || patient.getNameFirstRep().hasGiven()
                || patient.hasBirthDate()) {
            audit.identityDisclosed();
        }
        return patient;
    }

    static Optional<UUID> caseOf(String id) {
        Matcher m = CASE_OF_ID.matcher(id);
        return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }
}
