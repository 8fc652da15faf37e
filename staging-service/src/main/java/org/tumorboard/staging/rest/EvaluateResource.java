package org.tumorboard.staging.rest;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.platform.security.Roles;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.G;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.M;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.N;

/** The stateless calculator: AJCC 8th retroperitoneal stage from size, N, M and G. Stores nothing. */
@Path("/api/staging/evaluate")
public class EvaluateResource {

    public record EvaluateRequest(
            @NotNull @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("100.0")
            @Digits(integer = 3, fraction = 1, message = "must be in centimetres with at most one decimal") BigDecimal greatestDimensionCm,
            @NotNull N nodes,
            @NotNull M metastasis,
            @NotNull G grade) {
    }

    public record EvaluateResponse(String t, String n, String m, String g, String group, String edition) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    public EvaluateResponse evaluate(@NotNull(message = "a staging request body is required") @Valid EvaluateRequest request) {
        Ajcc8Retroperitoneum.Stage stage = Ajcc8Retroperitoneum.stage(request.greatestDimensionCm(), request.nodes(),
                request.metastasis(), request.grade());
        return new EvaluateResponse(stage.t().name(), stage.n().name(), stage.m().name(), stage.g().name(), stage.group().name(),
                stage.edition());
    }
}
