package org.tumorboard.fhir.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.tumorboard.fhir.export.CaseExport;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.security.Roles;

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

    @Context
    UriInfo uri;

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

    private String base() {
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
        return Response.status(status).type(Fhir.JSON).entity(fhir.json(outcome)).build();
    }
}
