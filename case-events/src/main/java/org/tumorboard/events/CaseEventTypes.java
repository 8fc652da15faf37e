package org.tumorboard.events;

import java.util.List;
import java.util.Optional;

import org.tumorboard.events.intake.CaseReferred;

/** The registry of every event type in the contract. */
public final class CaseEventTypes {

    public static final EventType<CaseReferred> CASE_REFERRED =
            new EventType<>("tumorboard.intake.case-referred.v1", Topics.INTAKE, CaseReferred.class);

    public static final List<EventType<?>> ALL = List.of(CASE_REFERRED);

    private CaseEventTypes() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
