package org.tumorboard.board.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.tumorboard.board.rules.Lifecycle.Phase;
import org.tumorboard.board.rules.Lifecycle.Trigger;

/** Issue 20: the lifecycle table, row by row from {@code lifecycle.csv}, and the CSV covers every pair. */
class LifecycleTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvFileSource(resources = "/lifecycle.csv", numLinesToSkip = 1)
    void everyRow(Phase phase, Trigger trigger, String outcome) {
        Lifecycle.Outcome actual = Lifecycle.next(phase, trigger);
        switch (outcome) {
            case "stay" -> assertInstanceOf(Lifecycle.Stay.class, actual, phase + " + " + trigger);
            case "refuse" -> {
                Lifecycle.Refuse refused = assertInstanceOf(Lifecycle.Refuse.class, actual, phase + " + " + trigger);
                // a refusal names the phase, so the 409 tells the user where the case is
                assertEquals(true, refused.reason().contains(phase.name()), refused.reason());
            }
            default -> assertEquals(new Lifecycle.Move(Phase.valueOf(outcome)), actual, phase + " + " + trigger);
        }
    }

    @Test
    void theTableHasARowForEveryTriggerInEveryPhase() throws IOException {
        Set<String> rows = new HashSet<>();
        try (InputStream in = LifecycleTest.class.getResourceAsStream("/lifecycle.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split(",");
                if (!line.startsWith("#") && cells.length == 3) {
                    rows.add(cells[0].strip() + "," + cells[1].strip());
                }
            }
        }
        for (Phase phase : Phase.values()) {
            for (Trigger trigger : Trigger.values()) {
                assertEquals(true, rows.contains(phase + "," + trigger), "lifecycle.csv has no row for " + phase + " + " + trigger);
            }
        }
    }
}
