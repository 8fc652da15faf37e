package org.tumorboard.fhir.rest;

import jakarta.inject.Singleton;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

import ca.uhn.fhir.context.FhirContext;

/** HAPI FHIR's R4 context (costly to build: one per process) and the JSON it writes. */
@Singleton
public class Fhir {

    public static final String JSON = "application/fhir+json";

    private final FhirContext context = FhirContext.forR4();

    public FhirContext context() {
        return context;
    }

    public String json(IBaseResource resource) {
        return context.newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
    }

    /** An OperationOutcome with one issue, naming the element it is about when there is one (FHIR R4 operationoutcome.html). */
    public static OperationOutcome outcome(OperationOutcome.IssueType type, String diagnostics, String element) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        if (element != null) {
            issue.addExpression(element);
        }
        return outcome;
    }
}
