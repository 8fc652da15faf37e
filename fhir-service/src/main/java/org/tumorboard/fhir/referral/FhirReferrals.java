package org.tumorboard.fhir.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hl7.fhir.r4.model.Bundle;
import org.tumorboard.fhir.rest.IntakeIdentity;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.NotPermitted;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A spoke EHR's referral: read from its Bundle, then handed to intake exactly as {@code POST /api/referrals} (same
 * validation, same problems, intake stores it and publishes the case). The facade keeps nothing of it.
 */
@ApplicationScoped
public class FhirReferrals {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Intake refused the referral: its status and problems, each with the element of the Bundle it is about. */
    public static final class RefusedByIntake extends jakarta.ws.rs.WebApplicationException {
        private final transient List<Issue> issues;

        RefusedByIntake(int status, String title, List<Issue> issues) {
            super(title, status);
            this.issues = List.copyOf(issues);
        }

        public List<Issue> issues() {
            return issues;
        }
    }

    public record Issue(String element, String message) {
    }

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken token;

    @Inject
    IntakeIdentity intake;

    @Inject
    AuditContext audit;

    /** The Bundle's element intake's field came from: exact, else the list it is an item of, else the Bundle. */
    static String elementOf(FhirReferral.Referral referral, String field) {
        String exact = referral.elementOf().get(field);
        if (exact != null) {
            return exact;
        }
        int item = field.indexOf('[');
        if (item > 0) {
            String indexed = referral.elementOf().get(field.substring(0, field.indexOf(']') + 1));
            return indexed != null ? indexed : referral.elementOf().getOrDefault(field.substring(0, item), "Bundle");
        }
        return "Bundle";
    }

    /** The case the referral became; {@link FhirReferral.Refused}, {@link RefusedByIntake} or {@link NotPermitted} if none. */
    @Transactional // the audit record's (the facade stores nothing else of a referral)
    @Audited(value = "FHIR_REFERRAL", creates = true)
    public UUID refer(Bundle bundle) {
        FhirReferral.Referral referral = FhirReferral.read(bundle);
        // the site is the caller's; a spoke refers only its own patients (an MRN issued by another site is refused)
        String site = referral.mrnSite() != null ? referral.mrnSite() : siteScope.site();
        if (!siteScope.isHub() && !site.equals(siteScope.site())) {
            throw new NotPermitted("a spoke refers only its own site's patients: the patient's MRN is issued by " + site);
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>(referral.body());
        body.put("referringSite", site);
        IntakeIdentity.Answer answer;
        try {
            answer = intake.refer(JSON.writeValueAsString(body), token.getRawToken());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the referral could not be written as JSON", e);
        }
        try {
            JsonNode answered = JSON.readTree(answer.body() == null || answer.body().isBlank() ? "{}" : answer.body());
            if (answer.status() == 201) {
                UUID caseId = UUID.fromString(answered.path("caseId").asText());
                audit.concerns(caseId);
                return caseId;
            }
            List<Issue> issues = new ArrayList<>();
            answered.path("errors").forEach(error -> {
                String field = error.path("field").asText("");
                issues.add(new Issue(elementOf(referral, field), field + ": " + error.path("message").asText("")));
            });
            // intake's detail says what a field cannot (a patient's open case, and which): kept beside the fields
            String detail = answered.path("detail").asText(answered.path("title").asText("refused by intake"));
            issues.add(new Issue(null, detail));
            throw new RefusedByIntake(answer.status(), answered.path("title").asText("Referral refused"), issues);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IntakeIdentity.Unavailable("intake-service's answer to the referral could not be read");
        }
    }
}
