package org.tumorboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.tumorboard.web.ServiceViews.Report;
import org.tumorboard.web.ServiceViews.ReportVersion;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the board reads of each pathology report, current version: the line the reports page leads with, the IHC panel
 * ("MDM2 positive, CDK4 positive") and the molecular results ("MDM2 amplified (FISH)"), with the report's version so
 * that a decision is read against the version it was made on.
 */
public record PathologySummary(UUID reportId, String kind, int version, String summary, String ihc, String molecular) {

    static List<PathologySummary> of(List<Report> reports) {
        List<PathologySummary> summaries = new ArrayList<>();
        for (Report report : reports == null ? List.<Report>of() : reports) {
            report.versions().stream().filter(v -> v.version() == report.currentVersion()).findFirst()
                    .ifPresent(v -> summaries.add(new PathologySummary(report.reportId(), report.kind(), v.version(),
                            PathologyPages.summary(report.kind(), v), ihc(v), molecular(v))));
        }
        return summaries;
    }

    static String ihc(ReportVersion v) {
        List<String> results = new ArrayList<>();
        for (JsonNode marker : v.report().path("ihc")) {
            results.add(Words.words(marker.path("marker").asText()) + " " + Words.words(marker.path("result").asText()));
        }
        return String.join(", ", results);
    }

    static String molecular(ReportVersion v) {
        JsonNode m = v.report().path("molecular");
        if (!m.isObject()) {
            return "";
        }
        List<String> results = new ArrayList<>();
        for (String gene : List.of("mdm2", "cdk4")) {
            JsonNode amplified = m.path(gene + "Amplified");
            if (amplified.isBoolean()) {
                results.add(gene.toUpperCase(java.util.Locale.ROOT) + (amplified.asBoolean() ? " amplified" : " not amplified"));
            }
        }
        String method = m.path("method").asText("");
        return String.join(", ", results) + (results.isEmpty() || method.isEmpty() ? "" : " (" + Words.words(method) + ")");
    }
}
