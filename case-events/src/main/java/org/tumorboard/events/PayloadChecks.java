package org.tumorboard.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ranges and vocabularies a payload meets on the way in, the same as the producing service's REST side checks
 * (issue 22, item 3): a payload that breaks one is malformed, so the consumer dead-letters it with the field named and
 * applies nothing. Each payload record calls these from its compact constructor; a producer cannot build a bad one
 * either.
 */
final class PayloadChecks {

    /** Sizes in centimetres, as intake and pathology take them: above 0, at most 100, at most one decimal. */
    static final BigDecimal MAX_SIZE_CM = new BigDecimal("100.0");
    static final List<String> GRADES = List.of(Grades.G1, Grades.G2, Grades.G3, Grades.GX);
    /** An FNCLCC total score: differentiation 1-3, mitotic count 1-3, necrosis 0-2. */
    static final int MIN_FNCLCC_SCORE = 2;
    static final int MAX_FNCLCC_SCORE = 8;
    static final int MAX_NODES = 500;
    static final int MAX_CODES = 50;
    static final int MAX_CODE_LENGTH = 100;

    private PayloadChecks() {
    }

    static void required(String type, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw invalid(type, field, "is missing");
        }
    }

    /** Null, or one of the allowed values. */
    static void oneOf(String type, String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw invalid(type, field, "is not one of " + allowed + ": '" + clip(value) + "'");
        }
    }

    /** Null, or each value one of the allowed ones. */
    static void eachOf(String type, String field, List<String> values, List<String> allowed) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            oneOf(type, field + "[" + i + "]", values.get(i), allowed);
        }
    }

    /** Null, or a short list of short codes (alerts, findings, organs). */
    static void codes(String type, String field, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_CODES) {
            throw invalid(type, field, "has more than " + MAX_CODES + " entries");
        }
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i);
            if (code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
                throw invalid(type, field + "[" + i + "]", "must be a code of 1 to " + MAX_CODE_LENGTH + " characters");
            }
        }
    }

    /** Null, or a size in centimetres as the REST side takes it. */
    static void sizeCm(String type, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0 || value.compareTo(MAX_SIZE_CM) > 0) {
            throw invalid(type, field, "must be above 0 and at most 100 cm: " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 1) {
            throw invalid(type, field, "must be in centimetres with at most one decimal: " + value.toPlainString());
        }
    }

    /** Null, or within [min, max]. */
    static void range(String type, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw invalid(type, field, "must be between " + min + " and " + max + ": " + value);
        }
    }

    /** Null, or within [min, max]. */
    static void range(String type, String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            throw invalid(type, field, "must be between " + min.toPlainString() + " and " + max.toPlainString() + ": "
                    + value.toPlainString());
        }
    }

    /** A resection's nodes: each 0-500, the positive ones no more than those examined. */
    static void nodes(String type, Integer examined, Integer positive) {
        range(type, "nodesExamined", examined, 0, MAX_NODES);
        range(type, "nodesPositive", positive, 0, MAX_NODES);
        if (examined != null && positive != null && positive > examined) {
            throw invalid(type, "nodesPositive", "must not exceed nodesExamined (" + examined + "): " + positive);
        }
    }

    /** A biopsy report or its amendment. */
    static void biopsy(String self, String caseId, int version, String histology, String grade, Integer score, List<String> alerts) {
        required(self, "caseId", caseId);
        range(self, "version", version, 1, Integer.MAX_VALUE);
        oneOf(self, "histology", histology, Vocabulary.Pathology.HISTOLOGIES);
        oneOf(self, "grade", grade, GRADES);
        range(self, "score", score, MIN_FNCLCC_SCORE, MAX_FNCLCC_SCORE);
        codes(self, "alerts", alerts);
    }

    /** A resection report or its amendment. */
    static void resection(String self, String caseId, int version, String margin, BigDecimal greatestDimensionCm,
            Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability, String histology, String grade,
            BigDecimal treatmentEffectPercent, List<String> alerts) {
        required(self, "caseId", caseId);
        range(self, "version", version, 1, Integer.MAX_VALUE);
        required(self, "margin", margin);
        oneOf(self, "margin", margin, Vocabulary.Pathology.MARGINS);
        sizeCm(self, "greatestDimensionCm", greatestDimensionCm);
        nodes(self, nodesExamined, nodesPositive);
        range(self, "marginMissProbability", marginMissProbability, BigDecimal.ZERO, BigDecimal.ONE);
        oneOf(self, "histology", histology, Vocabulary.Pathology.HISTOLOGIES);
        oneOf(self, "grade", grade, GRADES);
        range(self, "treatmentEffectPercent", treatmentEffectPercent, BigDecimal.ZERO, BigDecimal.valueOf(100));
        codes(self, "alerts", alerts);
    }

    static MalformedEventException invalid(String type, String field, String why) {
        return new MalformedEventException(type + "." + field + " " + why);
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
