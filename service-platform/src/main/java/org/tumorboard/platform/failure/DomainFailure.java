package org.tumorboard.platform.failure;

/**
 * Why a use case refused: the small vocabulary that {@code service/} and the aggregates throw, free of HTTP. The
 * platform maps each kind to its problem+json answer once ({@code ProblemMappers}); nothing the use case started is
 * committed.
 */
public abstract sealed class DomainFailure extends RuntimeException permits NotFound, Conflict, InvalidInput, NotPermitted {

    protected DomainFailure(String message) {
        super(message);
    }
}
