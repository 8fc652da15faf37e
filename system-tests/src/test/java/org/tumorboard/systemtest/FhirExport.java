package org.tumorboard.systemtest;

import static org.tumorboard.systemtest.Api.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.tumorboard.fhir.conformance.McodeValidator;
import org.tumorboard.fhir.conformance.ValidationReport;

/**
 * A case exported by the FHIR facade ({@code GET /fhir/Patient/{caseId}/$everything}, issue 23) and each of its
 * resources validated against mCODE 4.0.0 (fhir-conformance): the unexplained errors, and the explained errors and
 * warnings counted and listed in the test's output.
 */
final class FhirExport {

    private static McodeValidator validator;

    record Result(Bundle bundle, List<String> resources, List<String> unexplained, List<String> explained, List<String> warnings) {
    }

    private FhirExport() {
    }

    static synchronized McodeValidator validator() {
        if (validator == null) {
            validator = new McodeValidator();
        }
        return validator;
    }

    /** The case's bundle as {@code user} reads it. */
    static Bundle everything(String user, String caseId) {
        String json = as(user, SystemStack.Service.FHIR).get("/fhir/Patient/" + caseId + "/$everything").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        return validator().context().newJsonParser().parseResource(Bundle.class, json);
    }

    /** Validates every resource of the bundle and prints what the validator said beyond "no error". */
    static Result validate(String what, Bundle bundle) {
        List<String> resources = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            String name = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            resources.add(name);
            ValidationReport report = validator().validate(name, resource);
            report.unexplainedErrors().forEach(f -> unexplained.add(name + ": " + f));
            report.explainedErrors().forEach(f -> explained.add(name + ": " + f));
            report.warnings().forEach(f -> warnings.add(f.message()));
        }
        Map<String, Integer> warningKinds = new TreeMap<>();
        warnings.forEach(w -> warningKinds.merge(w.length() > 160 ? w.substring(0, 160) + "..." : w, 1, Integer::sum));
        System.out.printf("FHIR export of %s: %d resources, %d unexplained errors, %d explained errors, %d warnings%n", what,
                resources.size(), unexplained.size(), explained.size(), warnings.size());
        unexplained.forEach(e -> System.out.println("  UNEXPLAINED " + e));
        explained.forEach(e -> System.out.println("  cannot be checked here: " + e));
        warningKinds.forEach((w, n) -> System.out.println("  warning x" + n + ": " + w));
        return new Result(bundle, resources, unexplained, explained, warnings);
    }
}
