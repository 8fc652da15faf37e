package org.tumorboard.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tumorboard.testsupport.VocabularyCheck.names;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.Vocabulary;

/** intake-service's enums as the shared contract (and with it the web app's forms) spells them. */
class VocabularyTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(CaseStatus.class, Vocabulary.Intake.CASE_STATUSES),
                Arguments.of(Patient.Sex.class, Vocabulary.Intake.SEXES),
                Arguments.of(Side.class, Vocabulary.Intake.SIDES),
                Arguments.of(Compartment.class, Vocabulary.Intake.COMPARTMENTS),
                Arguments.of(ChestModality.class, Vocabulary.Intake.CHEST_MODALITIES),
                Arguments.of(SuspectedNonSarcoma.class, Vocabulary.Intake.SUSPECTED_NON_SARCOMAS),
                Arguments.of(Vessel.class, Vocabulary.Intake.VESSELS),
                Arguments.of(VesselExtent.class, Vocabulary.Intake.VESSEL_EXTENTS));
    }

    @ParameterizedTest
    @MethodSource("enums")
    void theContractSpellsEveryValue(Class<? extends Enum<?>> type, List<String> contract) {
        assertEquals(names(type), contract, type.getSimpleName());
    }
}
