package org.tumorboard.events;

/**
 * The facts staging-service publishes on {@link Topics#STAGING}. {@link Unknown} is a type of a newer
 * staging this build does not know.
 */
public sealed interface StagingFact extends CaseEventPayload permits CaseStaged, Unknown {
}
