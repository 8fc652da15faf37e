package org.tumorboard.events;

/**
 * The facts intake-service publishes on {@link Topics#INTAKE}: a consumer of that topic switches over these alone.
 * {@link Unknown} is a type of a newer intake this build does not know.
 */
public sealed interface IntakeFact extends CaseEventPayload permits CaseReferred, ImagingUpdated, WorkupCompleted, WorkupReopened,
        CaseWithdrawn, Unknown {
}
