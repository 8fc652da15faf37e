package org.tumorboard.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tumorboard.web.IntakeViews.CasePage;
import org.tumorboard.web.IntakeViews.CaseView;
import org.tumorboard.web.IntakeViews.Referred;
import org.tumorboard.web.IntakeViews.Site;
import org.tumorboard.web.ServiceViews.CaseCounts;

/** intake-service as the pages use it: each call gives its value or a typed failure ({@link Answer}). */
@ApplicationScoped
class IntakeApi {

    static final String SERVICE = "intake-service";

    @Inject
    @RestClient
    IntakeClient client;

    Answer<CasePage> cases(String status) {
        return Answer.call(() -> client.cases(status, 0, 100), 200, CasePage.class);
    }

    Answer<CaseView> caseView(UUID caseId) {
        return Answer.call(() -> client.caseView(caseId), 200, CaseView.class);
    }

    Answer<Referred> refer(Map<String, Object> body) {
        return Answer.call(() -> client.refer(body), 201, Referred.class);
    }

    Answer<List<Site>> sites() {
        return Answer.list(client::sites, Site[].class);
    }

    Answer<CaseCounts> dashboard() {
        return Answer.call(client::dashboard, 200, CaseCounts.class);
    }
}
