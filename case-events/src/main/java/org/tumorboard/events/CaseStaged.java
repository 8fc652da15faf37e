package org.tumorboard.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The case was staged or re-staged (AJCC 8th, retroperitoneum): prefix c, p or yp, categories and group, the rule
 * edition, the subtype's failure pattern, and which inputs changed since the previous staging.
 */
public record CaseStaged(String caseId, String prefix, String t, String n, String m, String g, String group, String edition,
        String failurePattern, List<String> changed) implements CaseEventPayload {

    public CaseStaged(String caseId, String prefix, String t, String n, String m, String g, String group) {
        this(caseId, prefix, t, n, m, g, group, null, null, List.of());
    }

    public static final String DISTANT_METASTASIS = "M1";

    @JsonIgnore
    public boolean metastatic() {
        return DISTANT_METASTASIS.equals(m);
    }
}
