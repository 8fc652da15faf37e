package org.tumorboard.platform.facts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.tumorboard.events.CaseEvent;

/**
 * Where a fact an aggregate holds from another service stands in its owner's order: the owner's commit sequence and
 * time of the event that set it. One rule orders one owner's facts for a case, everywhere: <b>a later commit of the
 * owner wins</b>. An event not older than the one held (by sequence, never by clock)
 * replaces the fact; an older one, delivered late, changes nothing. Equal sequences are one transaction of the owner (a
 * report and its typed twin): the one delivered last applies, and both say the same. An event from before sequences
 * were assigned ({@link CaseEvent#UNSEQUENCED}, 0) orders before every numbered one.
 * <p>
 * The aggregate keeps the fact's values beside it and changes them only when {@link #advance} says so, so no slot of
 * any aggregate writes its own guard. Mapped onto each slot's {@code *_at} and {@code *_sequence} columns with
 * {@code @AttributeOverride}; Hibernate reads a slot never set (both columns null) as null, so an aggregate reads it
 * through {@link #of}.
 */
@Embeddable
public class OwnerOrder {

    /** The owner's time of the event held: shown and exported, never used to order. */
    @Column(name = "at")
    Instant at;

    /** The owner's commit sequence of the event held; null while no fact is held. */
    @Column(name = "sequence")
    Long sequence;

    /** The slot as held, or an empty one where Hibernate read none. */
    public static OwnerOrder of(OwnerOrder held) {
        return held == null ? new OwnerOrder() : held;
    }

    /** Whether the event is at least as new, in its owner's order, as the fact held (true while none is held). */
    public boolean admits(CaseEvent source) {
        return sequence == null || source.sequence() >= sequence;
    }

    /**
     * The rule: when {@code source} is not older than the fact held, it becomes the one held and this returns true (the
     * caller then takes its values); otherwise nothing changes and this returns false.
     */
    public boolean advance(CaseEvent source) {
        if (!admits(source)) {
            return false;
        }
        at = source.time();
        sequence = source.sequence();
        return true;
    }

    /** The owner's time of the fact held; null while none is. */
    public Instant at() {
        return at;
    }

    /** The owner's sequence of the fact held; null while none is. */
    public Long sequence() {
        return sequence;
    }

    /** Whether a fact is held: a row from before sequences were stored has its time only, and admits the next event. */
    public boolean held() {
        return sequence != null || at != null;
    }
}
