package org.tumorboard.events;

/**
 * Every payload of the contract, by the topic that carries it: {@link IntakeFact}, {@link PathologyFact},
 * {@link StagingFact}, {@link BoardFact}. Decoding an event ({@link CaseEvent#payload()}) returns one
 * of these, so a consumer is a pattern {@code switch} over the facts of each topic it reads, with one named handler per
 * event: the compiler then shows what a service ignores. A type this build does not know (a newer producer's) decodes
 * as {@link Unknown}, a fact of every topic.
 */
public sealed interface CaseEventPayload permits IntakeFact, PathologyFact, StagingFact, BoardFact {

    /**
     * The case the payload speaks of: the event's subject ({@code ce_subject}, the Kafka key), or the event is malformed
     * (a payload naming another case is never applied to either). Null for {@link Unknown}.
     */
    String caseId();
}
