package org.tumorboard.fhir.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * HAPI's instance validator loaded with the official packages (issue 23, item 4): mCODE 4.0.0 and what it builds on that
 * the npm registry serves (HL7 terminology, the extensions pack, genomics reporting), the R4 core definitions, the
 * common code systems (UCUM among them), in-memory terminology and snapshot generation. Each error is classified by
 * {@link CannotCheckHere}. Loading takes some seconds: share one instance.
 */
public final class McodeValidator {

    private final FhirContext context = FhirContext.forR4Cached();
    private final FhirValidator validator;
    private final Map<FhirPackage, NpmPackage> packages = new LinkedHashMap<>();
    private final CannotCheckHere cannotCheckHere;

    public McodeValidator() {
        PrePopulatedValidationSupport definitions = new PrePopulatedValidationSupport(context);
        IParser json = context.newJsonParser();
        for (FhirPackage p : FhirPackage.ALL) {
            NpmPackage npm = open(p);
            packages.put(p, npm);
            load(npm, definitions, json);
        }
        cannotCheckHere = new CannotCheckHere(filteredValueSets(definitions));
        ValidationSupportChain chain = new ValidationSupportChain(definitions, new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** The package's conformance resources (package/*.json): profiles, value sets, code systems, extensions. */
    private static void load(NpmPackage npm, PrePopulatedValidationSupport definitions, IParser json) {
        try {
            for (String file : npm.list("package")) {
                if (!file.endsWith(".json") || file.equals("package.json") || file.startsWith(".")) {
                    continue;
                }
                try (InputStream in = npm.load("package", file)) {
                    definitions.addResource(json.parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (RuntimeException notTaken) {
                    if (file.startsWith("StructureDefinition-") || file.startsWith("ValueSet-") || file.startsWith("CodeSystem-")) {
                        // a definition lost here would show up as "could not be found", which CannotCheckHere may explain
                        throw new IllegalStateException(npm.name() + ": could not load " + file, notTaken);
                    }
                    // an index, or a resource type the validator does not take (an ImplementationGuide, say)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + npm.name(), e);
        }
    }

    /**
     * The value sets that include SNOMED CT or LOINC codes by a filter (a hierarchy), not by listing them, directly or
     * through a value set they import.
     */
    private static java.util.Set<String> filteredValueSets(PrePopulatedValidationSupport definitions) {
        Map<String, org.hl7.fhir.r4.model.ValueSet> byUrl = new LinkedHashMap<>();
        for (IBaseResource resource : definitions.fetchAllConformanceResources()) {
            if (resource instanceof org.hl7.fhir.r4.model.ValueSet vs) {
                byUrl.put(vs.getUrl(), vs);
            }
        }
        java.util.Set<String> filtered = new java.util.TreeSet<>();
        for (boolean grew = true; grew;) {
            grew = false;
            for (var vs : byUrl.values()) {
                if (!filtered.contains(vs.getUrl()) && vs.getCompose().getInclude().stream().anyMatch(include ->
                        (!include.getFilter().isEmpty() && ("http://snomed.info/sct".equals(include.getSystem())
                                || "http://loinc.org".equals(include.getSystem())))
                                || include.getValueSet().stream().anyMatch(imported -> filtered.contains(imported.getValue().split("\\|")[0])))) {
                    filtered.add(vs.getUrl());
                    grew = true;
                }
            }
        }
        return filtered;
    }

    public CannotCheckHere cannotCheckHere() {
        return cannotCheckHere;
    }

    private static NpmPackage open(FhirPackage p) {
        try (InputStream in = Files.newInputStream(p.file())) {
            return NpmPackage.fromPackage(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + p.name() + " " + p.version(), e);
        }
    }

    public FhirContext context() {
        return context;
    }

    /** The example resources the package ships (package/example), by file name. */
    public Map<String, String> examples(FhirPackage p) {
        NpmPackage npm = packages.get(p);
        Map<String, String> examples = new LinkedHashMap<>();
        try {
            for (String file : npm.list("example")) {
                if (file.endsWith(".json") && !file.startsWith(".")) {
                    try (InputStream in = npm.load("example", file)) {
                        examples.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    public ValidationReport validate(String name, IBaseResource resource) {
        return report(name, validator.validateWithResult(resource), cannotCheckHere);
    }

    public ValidationReport validate(String name, String json) {
        return report(name, validator.validateWithResult(json), cannotCheckHere);
    }

    private static ValidationReport report(String name, ValidationResult result, CannotCheckHere cannotCheckHere) {
        List<ValidationReport.Finding> findings = new ArrayList<>();
        for (SingleValidationMessage m : result.getMessages()) {
            ValidationReport.Severity severity = ValidationReport.Severity.valueOf(m.getSeverity().name());
            boolean error = severity == ValidationReport.Severity.ERROR || severity == ValidationReport.Severity.FATAL;
            findings.add(new ValidationReport.Finding(severity, m.getLocationString(), m.getMessage(),
                    error ? cannotCheckHere.explain(m.getMessage()) : java.util.Optional.empty()));
        }
        return new ValidationReport(name, findings);
    }
}
