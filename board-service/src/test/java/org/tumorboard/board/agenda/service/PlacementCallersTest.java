package org.tumorboard.board.agenda.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 20: placement on an agenda runs once per unit of work, from one place ({@link Placement}), not from each use
 * case; a use case that may make a case ready is marked {@link PlacesReadyCases} instead. A new direct call fails here.
 */
class PlacementCallersTest {

    private static final Path SOURCES = Path.of("src/main/java/org/tumorboard/board");

    @Test
    void onlyThePlacementInterceptorPlacesCases() throws IOException {
        List<String> callers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.contains("placeWaitingCases(") && !line.startsWith("void placeWaitingCases(")) {
                        callers.add(file.getFileName() + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(1, callers.size(), "placement called from " + callers);
        assertEquals("Placement.java", callers.get(0).substring(0, callers.get(0).indexOf(':')));
    }
}
