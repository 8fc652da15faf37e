package org.tumorboard.events;

/**
 * An event whose type this build does not know, from a producer newer than the consumer. It carries only the type:
 * consumers ignore it (intake notes it on the timeline), they never guess at its payload.
 */
public record Unknown(String type) implements IntakeFact, PathologyFact, StagingFact, BoardFact {

    /** Not known: nothing of the payload is read. */
    @Override
    public String caseId() {
        return null;
    }
}
