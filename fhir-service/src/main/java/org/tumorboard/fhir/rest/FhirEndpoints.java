package org.tumorboard.fhir.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.tumorboard.fhir.export.CaseExport;
import org.tumorboard.fhir.referral.FhirReferral;
import org.tumorboard.fhir.referral.FhirReferrals;
import org.tumorboard.platform.failure.NotPermitted;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.security.Roles;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * FHIR R4's RESTful API for the cases (api-contract.md, FHIR facade): the capability statement, read by id, and a
 * patient's {@code $everything}. Answers are {@code application/fhir+json}; errors are OperationOutcomes.
 */
@Path("/fhir")
// FHIR R4 http.html#mime-type: a client asking for plain JSON is answered too, always as application/fhir+json
@Produces({ Fhir.JSON, "application/json" })
public class FhirEndpoints {

    /** The resource types this server reads (CapabilityStatement). */
    static final List<String> TYPES = List.of("Patient", "Condition", "BodyStructure", "Observation", "Procedure",
            "CarePlan");

    @Inject
    Fhir fhir;

    @Inject
    FhirReads reads;

    @Inject
    FhirReferrals referrals;

    @Context
    UriInfo uri;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tumorboard.fhir.base-url")
    java.util.Optional<String> publicBase;

    @GET
    @Path("metadata")
    @PermitAll
    public Response metadata() {
        return ok(Capability.statement(base()));
    }

    @GET
    @Path("Patient/{id}/{operation}")
    @RolesAllowed(Roles.CLINICIAN)
    public Response everything(@PathParam("id") String id, @PathParam("operation") String operation) {
        if (!operation.equals("$everything")) {
            return answer(Response.Status.NOT_FOUND, Fhir.outcome(OperationOutcome.IssueType.NOTSUPPORTED,
                    "this server has no operation " + operation + " on Patient (see /fhir/metadata)", null));
        }
        try {
            return ok(CaseExport.bundle(reads.everything(id), base()));
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    @GET
    @Path("{type}/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    public Response read(@PathParam("type") String type, @PathParam("id") String id) {
        if (!TYPES.contains(type)) {
            return answer(Response.Status.NOT_FOUND, Fhir.outcome(OperationOutcome.IssueType.NOTSUPPORTED,
                    "this server does not serve resources of type " + type + " (see /fhir/metadata)", null));
        }
        try {
            return ok(reads.read(type, id));
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    /** A transaction POSTed to the base URL, where FHIR clients send one: the same referral as {@code POST /fhir/Bundle}. */
    @POST
    @Consumes({ Fhir.JSON, "application/json" })
    @RolesAllowed(Roles.COORDINATOR)
    public Response transaction(String body) {
        return referral(body);
    }

    /**
     * A referral from a spoke's EHR (issue 23, item 5): a transaction or message Bundle that becomes intake's referral;
     * 201 with the case's Patient as its Location, or an OperationOutcome naming the element (nothing stored).
     */
    @POST
    @Path("Bundle")
    @Consumes({ Fhir.JSON, "application/json" })
    @RolesAllowed(Roles.COORDINATOR)
    public Response referral(String body) {
        Bundle bundle;
        try {
            IBaseResource parsed = fhir.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(body);
            if (!(parsed instanceof Bundle b)) {
                return answer(Response.Status.BAD_REQUEST, Fhir.outcome(OperationOutcome.IssueType.INVALID,
                        "POST /fhir/Bundle takes a Bundle, not a " + parsed.fhirType(), "resourceType"));
            }
            bundle = b;
        } catch (DataFormatException | ClassCastException e) {
            return answer(Response.Status.BAD_REQUEST, Fhir.outcome(OperationOutcome.IssueType.STRUCTURE,
                    "not a FHIR R4 resource in JSON: " + e.getMessage(), null));
        }
        try {
            java.util.UUID caseId = referrals.refer(bundle);
            String location = base() + "/Patient/" + caseId;
            return Response.created(java.net.URI.create(location)).type(Fhir.JSON)
                    .entity(fhir.json(accepted(bundle, caseId))).build();
        } catch (FhirReferral.Refused refused) {
            return answer(refused.status(),
                    Fhir.outcome(OperationOutcome.IssueType.INVALID, refused.getMessage(), refused.element()));
        } catch (FhirReferrals.RefusedByIntake refused) {
            OperationOutcome outcome = new OperationOutcome();
            refused.issues().forEach(issue -> {
                OperationOutcome.OperationOutcomeIssueComponent i = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(switch (refused.getResponse().getStatus()) {
                            case 409 -> OperationOutcome.IssueType.CONFLICT;
                            case 401 -> OperationOutcome.IssueType.LOGIN;
                            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
                            default -> OperationOutcome.IssueType.INVALID;
                        })
                        .setDiagnostics(issue.message());
                if (issue.element() != null) {
                    i.addExpression(issue.element());
                }
            });
            return answer(refused.getResponse().getStatus(), outcome);
        } catch (NotPermitted notPermitted) {
            return answer(Response.Status.FORBIDDEN, Fhir.outcome(OperationOutcome.IssueType.FORBIDDEN, notPermitted.getMessage(),
                    "Patient.identifier"));
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    /** A transaction's answer: each entry created, the Patient's location the case's; a message's: an information outcome. */
    private static org.hl7.fhir.r4.model.Resource accepted(Bundle request, java.util.UUID caseId) {
        if (request.getType() == Bundle.BundleType.TRANSACTION) {
            Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
            for (Bundle.BundleEntryComponent entry : request.getEntry()) {
                Bundle.BundleEntryResponseComponent r = response.addEntry().getResponse().setStatus("201 Created");
                if ("Patient".equals(entry.getResource().fhirType())) {
                    r.setLocation("Patient/" + caseId);
                }
            }
            return response;
        }
        OperationOutcome outcome = Fhir.outcome(OperationOutcome.IssueType.INFORMATIONAL,
                "referral accepted as case " + caseId + ": Patient/" + caseId, null);
        outcome.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
        return outcome;
    }

    /** The facade's public address (behind an ingress, set {@code tumorboard.fhir.base-url}); else as this request reached it. */
    private String base() {
        if (publicBase.isPresent()) {
            return publicBase.get().replaceAll("/$", "");
        }
        return uri.getBaseUriBuilder().path("fhir").build().toString().replaceAll("/$", "");
    }

    private Response ok(Resource resource) {
        return Response.ok(fhir.json(resource), Fhir.JSON).build();
    }

    private Response failure(RuntimeException e) {
        if (e instanceof NotFound notFound) {
            return answer(Response.Status.NOT_FOUND, Fhir.outcome(OperationOutcome.IssueType.NOTFOUND, notFound.getMessage(), null));
        }
        if (e instanceof IntakeIdentity.Unavailable unavailable) {
            return answer(Response.Status.BAD_GATEWAY, Fhir.outcome(OperationOutcome.IssueType.TRANSIENT, unavailable.getMessage(), null));
        }
        throw e;
    }

    private Response answer(Response.Status status, OperationOutcome outcome) {
        return answer(status.getStatusCode(), outcome);
    }

    /** By number: 422 has no Response.Status constant. */
    private Response answer(int status, OperationOutcome outcome) {
        return Response.status(status).type(Fhir.JSON).entity(fhir.json(outcome)).build();
    }
}
