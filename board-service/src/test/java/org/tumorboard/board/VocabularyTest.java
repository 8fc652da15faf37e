package org.tumorboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tumorboard.testsupport.VocabularyCheck.names;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.Vocabulary;

/** board-service's enums as the shared contract (and with it the web app's forms) spells them. */
class VocabularyTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(Discipline.class, Vocabulary.Board.DISCIPLINES),
                Arguments.of(PlanOption.class, Vocabulary.Board.PLAN_OPTIONS),
                Arguments.of(VisitOutcome.class, Vocabulary.Board.VISIT_OUTCOMES),
                Arguments.of(TreatmentType.class, Vocabulary.Board.TREATMENT_TYPES),
                Arguments.of(NotImplementedReason.class, Vocabulary.Board.NOT_IMPLEMENTED_REASONS),
                Arguments.of(Resectability.class, Vocabulary.Board.RESECTABILITY));
    }

    @ParameterizedTest
    @MethodSource("enums")
    void theContractSpellsEveryValue(Class<? extends Enum<?>> type, List<String> contract) {
        assertEquals(names(type), contract, type.getSimpleName());
    }
}
