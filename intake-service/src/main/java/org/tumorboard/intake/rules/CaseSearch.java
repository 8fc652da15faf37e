package org.tumorboard.intake.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.tumorboard.intake.CaseStatus;

/**
 * What a clinician typed in the case list's search box, read as the ways a person or a case is found: the start of a
 * case's id (the 8 characters the pages show, or all of it), the start of an MRN, or the start of each word of a
 * name ("smi jo" finds Jo Smith). Name and MRN search only for the roles allowed identity: for the others, a name
 * typed would tell them whether such a patient exists here.
 *
 * @param text       the search text, null when none
 * @param withIdentity whether the caller may search (and see) names and MRNs
 */
public record CaseSearch(String text, boolean withIdentity, CaseStatus status, String site, LocalDate referredFrom,
        LocalDate referredTo, Set<UUID> caseIds) {

    private static final java.util.regex.Pattern CASE_ID_START = java.util.regex.Pattern.compile("[0-9a-f-]{4,36}");

    /** The search text as a LIKE prefix of a case id, or null when it cannot be the start of one. */
    public String caseIdPrefix() {
        String t = normalized();
        return t != null && CASE_ID_START.matcher(t).matches() ? escaped(t) + "%" : null;
    }

    /** The search text as a LIKE prefix of an MRN (case-insensitive), or null when identity is not searchable. */
    public String mrnPrefix() {
        String t = normalized();
        return t == null || !withIdentity ? null : escaped(t) + "%";
    }

    /** Each word of the search text as a LIKE prefix of a given or family name; empty when identity is not searchable. */
    public List<String> namePrefixes() {
        String t = normalized();
        if (t == null || !withIdentity) {
            return List.of();
        }
        return Arrays.stream(t.split("[\\s,]+")).filter(w -> !w.isEmpty()).limit(4).map(w -> escaped(w) + "%").toList();
    }

    private String normalized() {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** LIKE's own characters typed by the user match themselves (the query says {@code escape '\'}). */
    static String escaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
