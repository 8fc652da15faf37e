package org.tumorboard.platform.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers of every service (conventions.md, "How the layers talk"), read from the sources' imports: a use case
 * ({@code service/}) and a clinical rule ({@code rules/}) know nothing of REST or HTTP, and a rule nothing of the
 * framework, the database or the broker.
 */
class LayersTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What no use case or rule may import: the REST layer of any service, JAX-RS and the HTTP problem types. */
    private static final Pattern HTTP = Pattern.compile(
            "^import (static )?(org\\.tumorboard\\.[\\w.]+\\.rest\\.|jakarta\\.ws\\.rs\\.|org\\.jboss\\.resteasy\\.|io\\.vertx\\.core\\.http\\."
                    + "|org\\.tumorboard\\.platform\\.problem\\.)");

    /** A rule is plain Java: the JDK, the event contract's vocabulary and its own domain's types. */
    private static final Pattern NOT_PURE = Pattern.compile(
            "^import (static )?(?!java\\.|org\\.tumorboard\\.events\\.|org\\.tumorboard\\.[\\w.]+\\.rules\\.|org\\.tumorboard\\.\\w+\\.[A-Z])");

    @Test
    void useCasesAndRulesKnowNothingOfHttp() {
        List<String> breaches = breaches(List.of("service", "rules"), HTTP);
        assertEquals(List.of(), breaches);
    }

    @Test
    void rulesArePlainJava() {
        List<String> breaches = breaches(List.of("rules"), NOT_PURE);
        assertEquals(List.of(), breaches);
    }

    @Test
    void theCheckReadsEveryService() {
        List<Path> layers = sources(List.of("service", "rules")).toList();
        for (String service : List.of("intake", "pathology", "staging", "board")) {
            assertTrue(layers.stream().anyMatch(p -> p.toString().contains("/" + service + "/service/")), service + "'s use cases not read");
            assertTrue(layers.stream().anyMatch(p -> p.toString().contains("/" + service + "/rules/")), service + "'s rules not read");
        }
        // board-service is split by feature, each with its own layers (conventions.md)
        for (String feature : List.of("agenda", "decision", "treatment", "surveillance")) {
            assertTrue(layers.stream().anyMatch(p -> p.toString().contains("/board/" + feature + "/service/")), feature + "'s use cases not read");
            assertTrue(layers.stream().anyMatch(p -> p.toString().contains("/board/" + feature + "/rules/")), feature + "'s rules not read");
        }
        // the patterns themselves: each catches what it is for
        assertTrue(HTTP.matcher("import org.tumorboard.intake.rest.ReferralResource;").find());
        assertTrue(HTTP.matcher("import jakarta.ws.rs.core.Response;").find());
        assertTrue(HTTP.matcher("import org.tumorboard.platform.problem.ProblemException;").find());
        assertTrue(NOT_PURE.matcher("import jakarta.persistence.Entity;").find());
        assertTrue(NOT_PURE.matcher("import org.tumorboard.board.repository.BoardCaseRepository;").find());
        assertTrue(!NOT_PURE.matcher("import org.tumorboard.board.PlanOption;").find());
        assertTrue(HTTP.matcher("import org.tumorboard.board.agenda.rest.MeetingResource;").find());
        assertTrue(!NOT_PURE.matcher("import org.tumorboard.board.surveillance.rules.SurveillanceSchedule;").find());
        assertTrue(NOT_PURE.matcher("import org.tumorboard.board.agenda.service.AgendaService;").find());
    }

    private static List<String> breaches(List<String> layers, Pattern forbidden) {
        List<String> found = new ArrayList<>();
        sources(layers).forEach(file -> {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (forbidden.matcher(line).find()) {
                        found.add(ROOT.relativize(file) + ": " + line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found;
    }

    /** The Java sources of these layers in every module under the project's root. */
    private static Stream<Path> sources(List<String> layers) {
        try {
            return Files.walk(ROOT, 12)
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> layers.stream().anyMatch(layer -> p.getParent().getFileName().toString().equals(layer)))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
