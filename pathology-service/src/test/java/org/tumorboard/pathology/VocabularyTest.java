package org.tumorboard.pathology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tumorboard.testsupport.VocabularyCheck.names;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.Vocabulary;

/** pathology-service's enums as the shared contract (and with it the web app's forms) spells them. */
class VocabularyTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(SpecimenType.class, Vocabulary.Pathology.SPECIMEN_TYPES),
                Arguments.of(Histology.class, Vocabulary.Pathology.HISTOLOGIES),
                Arguments.of(Marker.class, Vocabulary.Pathology.MARKERS),
                Arguments.of(MarkerResult.class, Vocabulary.Pathology.MARKER_RESULTS),
                Arguments.of(MolecularMethod.class, Vocabulary.Pathology.MOLECULAR_METHODS),
                Arguments.of(Margin.class, Vocabulary.Pathology.MARGINS),
                Arguments.of(PathologyReport.Kind.class, Vocabulary.Pathology.REPORT_KINDS));
    }

    @ParameterizedTest
    @MethodSource("enums")
    void theContractSpellsEveryValue(Class<? extends Enum<?>> type, List<String> contract) {
        assertEquals(names(type), contract, type.getSimpleName());
    }
}
