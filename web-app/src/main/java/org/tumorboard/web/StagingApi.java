package org.tumorboard.web;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tumorboard.web.ServiceViews.Staging;

/** staging-service as the pages use it ({@link Answer}). */
@ApplicationScoped
class StagingApi {

    @Inject
    @RestClient
    StagingClient client;

    Answer<Staging> staging(UUID caseId) {
        return Answer.call(() -> client.staging(caseId), 200, Staging.class);
    }
}
