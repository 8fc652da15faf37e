package org.tumorboard.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The case was staged or re-staged (AJCC 8th, retroperitoneum): prefix c, p or yp, categories and group, the rule
 * edition, the subtype's failure pattern, and which inputs changed since the previous staging.
 */
public record CaseStaged(String caseId, String prefix, String t, String n, String m, String g, String group, String edition,
        String failurePattern, List<String> changed) implements StagingFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public CaseStaged {
        String self = "CaseStaged";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.oneOf(self, "prefix", prefix, Vocabulary.Staging.PREFIXES);
        PayloadChecks.oneOf(self, "t", t, Vocabulary.Staging.T);
        PayloadChecks.oneOf(self, "n", n, Vocabulary.Staging.N);
        PayloadChecks.oneOf(self, "m", m, Vocabulary.Staging.M);
        PayloadChecks.oneOf(self, "g", g, PayloadChecks.GRADES);
        PayloadChecks.oneOf(self, "group", group, Vocabulary.Staging.GROUPS);
        PayloadChecks.oneOf(self, "failurePattern", failurePattern, Vocabulary.Staging.FAILURE_PATTERNS);
        PayloadChecks.codes(self, "changed", changed);
    }

    public CaseStaged(String caseId, String prefix, String t, String n, String m, String g, String group) {
        this(caseId, prefix, t, n, m, g, group, null, null, List.of());
    }

    public static final String DISTANT_METASTASIS = "M1";

    @JsonIgnore
    public boolean metastatic() {
        return DISTANT_METASTASIS.equals(m);
    }
}
