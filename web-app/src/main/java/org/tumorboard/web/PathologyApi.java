package org.tumorboard.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tumorboard.web.ServiceViews.Margins;
import org.tumorboard.web.ServiceViews.Report;
import org.tumorboard.web.ServiceViews.WorklistItem;

/** pathology-service as the pages use it: each call gives its value or a typed failure ({@link Answer}). */
@ApplicationScoped
class PathologyApi {

    static final String SERVICE = "pathology-service";

    @Inject
    @RestClient
    PathologyClient client;

    /** A page of the worklist (pathology pages and filters it in SQL). */
    Answer<ServiceViews.WorklistPage> worklist(String awaiting, String q, int page) {
        return Answer.call(() -> client.worklist(awaiting, q, page, ServiceViews.WorklistPage.SIZE), 200,
                ServiceViews.WorklistPage.class);
    }

    /** A report's preview or post: the result as the form's kind reads it. */
    <T> Answer<T> preview(UUID caseId, String kind, Map<String, Object> body, Class<T> result) {
        return Answer.call(() -> client.preview(caseId, kind, body), 200, result);
    }

    <T> Answer<T> post(UUID caseId, String kind, Map<String, Object> body, Class<T> result) {
        return Answer.call(() -> client.post(caseId, kind, body), 201, result);
    }

    Answer<Report> amend(UUID caseId, UUID reportId, Map<String, Object> body) {
        return Answer.call(() -> client.amend(caseId, reportId, body), 201, Report.class);
    }

    Answer<List<Report>> reports(UUID caseId) {
        return Answer.list(() -> client.reports(caseId), Report[].class);
    }

    Answer<Margins> margins() {
        return Answer.call(client::margins, 200, Margins.class);
    }
}
