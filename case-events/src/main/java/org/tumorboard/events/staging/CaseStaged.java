package org.tumorboard.events.staging;

/** The case was staged or re-staged (AJCC 8th, retroperitoneum): prefix c, p or yp, categories and group. */
public record CaseStaged(String caseId, String prefix, String t, String n, String m, String g, String group) {
}
