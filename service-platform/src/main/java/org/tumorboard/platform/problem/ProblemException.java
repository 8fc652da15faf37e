package org.tumorboard.platform.problem;

import java.util.List;

import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.DomainFailure;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.failure.NotPermitted;
import org.tumorboard.platform.problem.Problem.FieldError;

/** Thrown by resources and services to answer with a problem; nothing they started is committed. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final java.util.Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, java.util.Map.of());
    }

    public ProblemException(int status, String title, String detail, List<FieldError> errors, java.util.Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? java.util.Map.of() : java.util.Map.copyOf(extensions);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " was not found", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** The answer to a use case's refusal: 404, 409 with its details, 400 naming the field, or 403. */
    public static ProblemException of(DomainFailure failure) {
        return switch (failure) {
            case NotFound f -> notFound(f.what());
            case Conflict f -> new ProblemException(409, f.title(), f.getMessage(),
                    f.fields().stream().map(h -> new FieldError(h.field(), h.message())).toList(), f.details());
            case InvalidInput f -> invalidField(f.field(), f.reason());
            case NotPermitted f -> forbidden(f.getMessage());
        };
    }

    public Problem toProblem() {
        return new Problem(ProblemMappers.typeFor(status), title, status, getMessage(), errors, extensions);
    }

    public int status() {
        return status;
    }
}
