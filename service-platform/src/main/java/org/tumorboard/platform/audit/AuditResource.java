package org.tumorboard.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.QueryParams;
import org.tumorboard.platform.security.Roles;

/**
 * The auditor's view of this service's audit trail, oldest first. Every service serves it at the same path; there is
 * deliberately no endpoint that changes or removes a record.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    @Inject
    AuditTrail trail;

    /**
     * {@code from} and {@code to} are instants ({@code 2026-11-21T08:00:00Z}) or dates; a date {@code to} includes its
     * whole day.
     */
    @GET
    public AuditTrail.Page search(@QueryParam("caseId") String caseId, @QueryParam("user") String user,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("100") String size) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        AuditTrail.Filter filter = new AuditTrail.Filter(uuid(caseId), user == null || user.isBlank() ? null : user, start, end);
        return trail.search(filter, QueryParams.wholeNumber("page", page, 0, 1_000_000),
                QueryParams.wholeNumber("size", size, 1, 500));
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("caseId", "must be a UUID");
        }
    }

    static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ProblemException.invalidField(field, "must be an instant (2026-11-21T08:00:00Z) or a date (2026-11-21)");
            }
        }
    }
}
