package org.tumorboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 20: {@link BoardCase}'s intention-revealing methods are the only writers of its fields; use cases load, call
 * and publish. A use case that assigns a field of the case directly fails this test, naming the line. The services
 * name a board case {@code c} throughout; the check relies on that convention.
 */
class BoardCaseWritersTest {

    private static final Path SOURCES = Path.of("src/main/java/org/tumorboard/board");

    @Test
    void onlyBoardCaseWritesItsFields() throws IOException {
        String fields = Arrays.stream(BoardCase.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.joining("|"));
        // the services name a board case c (its other entities v, d, t, visit, m carry fields of the same names)
        Pattern write = Pattern.compile("\\b(c|boardCase)\\.(" + fields + ")\\s*(=[^=]|\\+\\+|--|\\+=|-=)");
        List<String> breaches = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("BoardCase.java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    // JPQL text in a query ("c.referringSite = :site") reads, it does not write
                    if (write.matcher(line).find() && !line.contains("\"") && !line.strip().startsWith("+")) {
                        breaches.add(file + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), breaches);
        assertTrue(write.matcher("c.meetingId = null;").find(), "the check catches a write");
        assertTrue(!write.matcher("c.meetingId == null").find(), "and not a comparison");
    }
}
