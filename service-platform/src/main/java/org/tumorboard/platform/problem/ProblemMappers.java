package org.tumorboard.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tumorboard.platform.audit.AccessDenials;
import org.tumorboard.platform.failure.DomainFailure;
import org.tumorboard.platform.messaging.TransientFailures;
import org.tumorboard.platform.problem.Problem.FieldError;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every error leaves as {@code application/problem+json}: validation and malformed JSON name the field,
 * a database outage is a 503, anything unexpected a 500 without internals. Bad input never reaches a write.
 */
public class ProblemMappers {

    private static final String TYPE_BASE = "https://tumorboard.org/problems/";

    static String typeFor(int status) {
        return switch (status) {
            case 400 -> TYPE_BASE + "invalid-request";
            case 401 -> TYPE_BASE + "unauthorized";
            case 403 -> TYPE_BASE + "forbidden";
            case 404 -> TYPE_BASE + "not-found";
            case 409 -> TYPE_BASE + "conflict";
            case 413 -> TYPE_BASE + "payload-too-large";
            case 503 -> TYPE_BASE + "service-unavailable";
            default -> "about:blank";
        };
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response response(int status, String title, String detail, List<FieldError> errors) {
        return response(new Problem(typeFor(status), title, status, detail, errors));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.toProblem());
    }

    @ServerExceptionMapper
    public Response domainFailure(DomainFailure e) {
        return problem(ProblemException.of(e));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return response(400, "Invalid request", summary(errors), errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e) {
        String field = jsonPath(e);
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            message = "is not a valid " + simpleTypeName(invalid.getTargetType());
        } else if (e instanceof StrictJson.ControlCharacters) {
            message = "must not contain control characters";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e.getCause() != null && e.getCause().getMessage() != null) {
            message = e.getCause().getMessage();
        } else {
            message = "has the wrong type or shape";
        }
        List<FieldError> errors = List.of(new FieldError(field.isEmpty() ? "body" : field, message));
        return response(400, "Invalid request", summary(errors), errors);
    }

    /** Quarkus ships a mapper for this subclass; ours must be at least as specific to answer with a problem. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper(priority = 2)
    public Response jsonParse(JsonProcessingException e) {
        List<FieldError> errors = List.of(new FieldError("body", e instanceof JsonParseException
                ? "is not valid JSON" : "could not be read as JSON"));
        return response(400, "Invalid request", "The request body is not valid JSON", errors);
    }

    @Inject
    AccessDenials denials;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        denials.record(request);
        return response(403, "Forbidden", "Your role does not allow this", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (cause instanceof JsonProcessingException parse) {
            return jsonParse(parse);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request could not be read";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "No acceptable representation";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported media type: send application/json";
            default -> title;
        };
        List<FieldError> errors = status == 400 || status == 413 || status == 415
                ? List.of(new FieldError("body", detail)) : List.of();
        return response(status, title, detail, errors);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (TransientFailures.isTransient(e)) {
            Log.warnf("request failed because a dependency is unavailable: %s", e.getClass().getName());
            return response(503, "Service unavailable", "The service's database is unavailable; try again shortly", List.of());
        }
        Log.error("unexpected error while handling a request", e);
        return response(500, "Internal error", "An unexpected error occurred; it has been logged", List.of());
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError error : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(error.field()).append(' ').append(error.message());
        }
        return sb.toString();
    }

    /**
     * The JSON path of a method parameter's violation, without the method and parameter nodes: {@code items[0].name} for
     * a property of a list's element (Bean Validation puts the index on the element's node, not the list's), and
     * {@code codes[1]} for a constraint on a container element such as {@code List<@Pattern String>}.
     */
    public static String fieldName(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable() && !sb.isEmpty()) {
                sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleTypeName(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean";
            case "UUID" -> "UUID";
            default -> type.getSimpleName();
        };
    }
}
