package org.tumorboard.platform.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Query parameters read the same way in every service: a bad one is a 400 problem naming it. */
public final class QueryParams {

    private QueryParams() {
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int wholeNumber(String field, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw ProblemException.invalidField(field, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a whole number");
        }
    }

    /** Case ids given as a repeated parameter ({@code caseId=..&caseId=..}), at most {@code max}; empty when none. */
    public static Set<UUID> caseIds(String field, List<String> values, int max) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        if (values.size() > max) {
            throw ProblemException.invalidField(field, "must be at most " + max + " case ids");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value.strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(field, "must be case ids");
            }
        }
        return ids;
    }

    /** A calendar date (YYYY-MM-DD), or null when not given. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date such as 2026-03-31");
        }
        if (date.getYear() < 1900 || date.getYear() > 2200) {
            throw ProblemException.invalidField(field, "must be a date between 1900 and 2200");
        }
        return date;
    }

    /** Free text of at most {@code maxLength} characters without control characters, or null when blank. */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > maxLength) {
            throw ProblemException.invalidField(field, "must be at most " + maxLength + " characters");
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField(field, "must not contain control characters");
        }
        return s;
    }
}
