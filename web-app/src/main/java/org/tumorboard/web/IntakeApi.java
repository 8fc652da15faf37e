package org.tumorboard.web;

import java.util.HashMap;
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

    /** A page of the case list as searched and filtered (intake pages and filters in SQL). */
    Answer<CasePage> cases(CaseSearch search) {
        return Answer.call(() -> client.cases(search.q(), search.status(), search.site(), search.from(), search.to(), null,
                search.page(), CaseSearch.PAGE_SIZE), 200, CasePage.class);
    }

    /** The cases of a status (the first 100, newest first) whose patient's name, MRN or case number starts as typed. */
    Answer<CasePage> casesMatching(String text, String status) {
        return Answer.call(() -> client.cases(text, status, null, null, null, null, 0, 100), 200, CasePage.class);
    }

    /**
     * Who the patients of another list's page are, by case id: only for the roles intake shows identity to (the others
     * get an empty map), and on intake's audit trail as identity disclosed.
     */
    Map<UUID, IntakeViews.Patient> whoAre(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = caseIds.stream().distinct().limit(100).map(UUID::toString).toList();
        if (!(Answer.call(() -> client.cases(null, null, null, null, null, ids, 0, ids.size()), 200, CasePage.class)
                instanceof Answer.Value<CasePage> found)) {
            return Map.of();
        }
        Map<UUID, IntakeViews.Patient> byCase = new HashMap<>();
        found.value().items().stream().filter(c -> c.patient() != null).forEach(c -> byCase.put(c.caseId(), c.patient()));
        return byCase;
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
