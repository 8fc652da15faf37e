package org.tumorboard.fhir.conformance;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the validator said about one resource, each error explained by {@link CannotCheckHere} or not. */
public record ValidationReport(String resource, List<Finding> findings) {

    public enum Severity {
        INFORMATION, WARNING, ERROR, FATAL
    }

    /** One message: where, what, and the rule that explains it (errors only). */
    public record Finding(Severity severity, String location, String message, Optional<CannotCheckHere.Rule> explainedBy) {

        public boolean isError() {
            return severity == Severity.ERROR || severity == Severity.FATAL;
        }

        @Override
        public String toString() {
            return severity + " " + location + ": " + message + explainedBy.map(r -> " [cannot check here: " + r.name() + "]").orElse("");
        }
    }

    public List<Finding> unexplainedErrors() {
        return findings.stream().filter(f -> f.isError() && f.explainedBy().isEmpty()).toList();
    }

    public List<Finding> explainedErrors() {
        return findings.stream().filter(f -> f.isError() && f.explainedBy().isPresent()).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    public String summary() {
        return resource + ": " + unexplainedErrors().size() + " unexplained errors, " + explainedErrors().size()
                + " that cannot be checked here, " + warnings().size() + " warnings"
                + (unexplainedErrors().isEmpty() ? "" : unexplainedErrors().stream().map(Finding::toString)
                        .collect(Collectors.joining("\n  ", "\n  ", "")));
    }
}
