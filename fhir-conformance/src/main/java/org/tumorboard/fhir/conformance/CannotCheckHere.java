package org.tumorboard.fhir.conformance;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation errors that say only that something cannot be checked here, each with why (issue 23, item 4). Every
 * other error counts. Kept as small as mCODE's own examples allow (PackageExamplesTest prints how often each rule
 * applies); CannotCheckHereTest shows each rule on a message of its kind and no rule on the errors of a broken resource.
 *
 * @param filteredValueSets the value sets of the loaded packages defined by a SNOMED CT or LOINC filter (is-a,
 *            descendent-of, ...), which cannot be expanded without a terminology server
 */
public record CannotCheckHere(Set<String> filteredValueSets) {

    /** One kind of message that cannot be checked here, and why. */
    public record Rule(String name, Pattern message, String reason) {
    }

    private static final Pattern VALUE_SET = Pattern.compile("in the value set '[^']*' \\(([^|)]+)");

    public static final Rule US_CORE = new Rule("us-core",
            Pattern.compile("http://hl7\\.org/fhir/us/core/|^Slice 'Condition\\.category:us-core'"),
            "US Core 6.1.0, which mCODE builds on, has no published version on the npm registry: its profiles, extensions and"
                    + " value sets (and the slices they define, such as Condition.category:us-core) cannot be resolved");
    public static final Rule US_CORE_TARGETS = new Rule("us-core-reference-targets",
            Pattern.compile("Invalid Resource target type\\. Found \\w+, but expected one of \\("),
            "a reference whose allowed targets are US Core profiles: without US Core they drop out of the allowed types");
    public static final Rule GENOMICS_REPORTING = new Rule("genomics-reporting-2.0.0",
            Pattern.compile("http://hl7\\.org/fhir/uv/genomics-reporting/|mcode-genomics-report\\|[^ ]* path .*conformsTo"),
            "mCODE 4.0.0 builds on genomics reporting 2.0.0; the npm registry serves only 3.0.0, whose profiles and codes differ");
    public static final Rule HGVS = new Rule("hgvs",
            Pattern.compile("http://varnomen\\.hgvs\\.org"),
            "HGVS variant names are a grammar, not a code system a validator can hold; checking them needs a terminology service");
    public static final Rule LOINC_ANSWER_LIST = new Rule("loinc-answer-list",
            Pattern.compile("http://loinc\\.org/vs/LL"),
            "LOINC answer lists come with the LOINC terminology, which cannot be had here");
    public static final Rule FILTERED_VALUE_SET = new Rule("snomed-or-loinc-filter",
            Pattern.compile("None of the codings provided are in the value set|Unable to expand ValueSet: cannot apply filters .*"
                    + "because CodeSystem 'http://(snomed\\.info/sct|loinc\\.org)' is ignored/not-present"),
            "a value set defined by a SNOMED CT or LOINC hierarchy (is-a, descendent-of) cannot be expanded without a terminology server");

    public static final List<Rule> RULES = List.of(US_CORE, US_CORE_TARGETS, GENOMICS_REPORTING, HGVS, LOINC_ANSWER_LIST,
            FILTERED_VALUE_SET);

    /** The rule that explains this message, if any. */
    public Optional<Rule> explain(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("Constraint failed:")) {
            return Optional.empty(); // an invariant the profile carries (US Core's too) is checked here
        }
        for (Rule rule : RULES) {
            if (!rule.message().matcher(text).find()) {
                continue;
            }
            if (rule == FILTERED_VALUE_SET && text.startsWith("None of the codings") && !namesAFilteredValueSet(text)) {
                continue; // a value set that lists its codes is checked here: a code outside it is a real error
            }
            return Optional.of(rule);
        }
        return Optional.empty();
    }

    private boolean namesAFilteredValueSet(String message) {
        Matcher m = VALUE_SET.matcher(message);
        return m.find() && filteredValueSets.contains(m.group(1));
    }
}
