package org.tumorboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.Vocabulary;

/** Codes in the words a clinician reads. */
class WordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION | radiotherapy, then resection
            UPFRONT_RESECTION                       | upfront resection
            BOARD_SCHEDULED                         | on a board agenda
            DEDIFFERENTIATED_LIPOSARCOMA            | dedifferentiated liposarcoma
            MPNST                                   | malignant peripheral nerve sheath tumour (MPNST)
            RADIATION_ONCOLOGY                      | radiation oncology
            IVC                                     | IVC (inferior vena cava)
            RENAL_ARTERY                            | renal artery
            CHEST_CT_OR_RADIOGRAPH                  | chest CT or radiograph
            MDM2                                    | MDM2
            OCT3_4                                  | OCT3/4
            NO_EVIDENCE_OF_DISEASE                  | no evidence of disease
            """)
    void codesReadAsWords(String code, String words) {
        assertEquals(words, Words.words(code));
    }

    static Stream<String> everyCodeOfTheContract() {
        return Stream.of(Vocabulary.Intake.CASE_STATUSES, Vocabulary.Board.PLAN_OPTIONS, Vocabulary.Board.DISCIPLINES,
                Vocabulary.Board.TREATMENT_TYPES, Vocabulary.Board.VISIT_OUTCOMES, Vocabulary.Pathology.HISTOLOGIES,
                Vocabulary.Pathology.SPECIMEN_TYPES).flatMap(List::stream);
    }

    /** No code of the contract reaches a page as itself (in capitals) unless it is an abbreviation clinicians write so. */
    @ParameterizedTest
    @MethodSource("everyCodeOfTheContract")
    void everyContractCodeHasWords(String code) {
        String words = Words.words(code);
        assertFalse(words.equals(code) && code.length() > 4, code + " is shown as its code");
        // An abbreviation may follow its words in brackets: "malignant peripheral nerve sheath tumour (MPNST)".
        assertFalse(words.replaceAll("\\([^)]*\\)", "").matches(".*[A-Z]{5,}.*"), code + " reads as " + words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            case is PLAN_DECIDED, not IN_SURVEILLANCE | case is plan decided, not in surveillance
            stage IIIB, G3 on CT                      | stage IIIB, G3 on CT
            """)
    void sentencesKeepStagesAndAbbreviations(String text, String words) {
        assertEquals(words, Words.inSentence(text));
    }
}
