package org.tumorboard.fhir.rest;

import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/** What this server does, as FHIR R4's CapabilityStatement says it: JSON, read of each type, $everything on Patient. */
final class Capability {

    static final String MCODE = "http://hl7.org/fhir/us/mcode/ImplementationGuide/hl7.fhir.us.mcode";

    private Capability() {
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.addImplementationGuide(MCODE + "|4.0.0");
        cs.getSoftware().setName("Sarcoma tumor board FHIR facade");
        cs.getImplementation().setDescription("Each retroperitoneal sarcoma case as mCODE 4.0.0 resources").setUrl(base);
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("OAuth2 bearer tokens of the network's Keycloak realm; a spoke reads its own site's cases");
        for (String type : FhirEndpoints.TYPES) {
            CapabilityStatement.CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            if (type.equals("Patient")) {
                resource.addOperation().setName("everything")
                        .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
            }
        }
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("POST to the base (or /fhir/Bundle): a referral from a spoke's EHR (a Patient, a ServiceRequest, its "
                        + "Observations)");
        return cs;
    }
}
