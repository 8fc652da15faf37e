package org.tumorboard.staging.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;
import org.tumorboard.staging.Staging;
import org.tumorboard.staging.StagingCase;
import org.tumorboard.staging.repository.StagingCaseRepository;
import org.tumorboard.staging.repository.StagingRepository;
import org.tumorboard.staging.rules.CaseStagingRule;
import org.tumorboard.staging.rules.CaseStagingRule.Input;
import org.tumorboard.staging.rules.FailurePattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/cases/{caseId}/staging")
@Produces(MediaType.APPLICATION_JSON)
public class StagingResource {

    /** A staging of the case, or, while inputs are missing, which ones ({@code complete: false}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StagingView(UUID caseId, boolean complete, List<CaseStagingRule.Missing> missing, String prefix, String t,
            String n, String m, String g, String group, String edition, FailurePattern.Result failurePattern, List<Input> inputs,
            List<String> changed, Instant stagedAt) {
    }

    private static final TypeReference<List<Input>> INPUTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    @Inject
    StagingCaseRepository cases;

    @Inject
    StagingRepository stagings;

    @Inject
    SiteScope siteScope;

    @Inject
    ObjectMapper json;

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public StagingView current(@PathParam("caseId") UUID caseId) {
        StagingCase c = visibleCase(caseId);
        return stagings.latest(caseId).map(this::view).orElseGet(() -> {
            CaseStagingRule.Evaluation evaluation = CaseStagingRule.evaluate(c.facts());
            return new StagingView(caseId, false, evaluation.missing(), null, null, null, null, null, null, null,
                    evaluation.failurePattern(), evaluation.inputs(), null, null);
        });
    }

    @GET
    @Path("history")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public List<StagingView> history(@PathParam("caseId") UUID caseId) {
        visibleCase(caseId);
        return stagings.history(caseId).stream().map(this::view).toList();
    }

    private StagingView view(Staging s) {
        FailurePattern.Result pattern = s.failurePattern == null ? null
                : FailurePattern.of(read(s.inputs, INPUTS).stream().filter(i -> i.name().equals("histology"))
                        .map(Input::value).findFirst().orElse(null));
        return new StagingView(s.caseId, true, null, s.prefix, s.t, s.n, s.m, s.g, s.group, s.edition, pattern,
                read(s.inputs, INPUTS), read(s.changed, NAMES), s.stagedAt);
    }

    private StagingCase visibleCase(UUID caseId) {
        return cases.findByIdOptional(caseId)
                .filter(found -> siteScope.canSee(found.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored staging is not JSON", e);
        }
    }
}
