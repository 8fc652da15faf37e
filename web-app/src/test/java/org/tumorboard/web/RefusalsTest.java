package org.tumorboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.web.IntakeViews.FieldError;
import org.tumorboard.web.IntakeViews.Problem;

/** The services' refusals in the clinic's words: no JSON path, code or id reaches a clinician. */
class RefusalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            must be a past date                                  | must be before today
            must not be in the future                            | cannot be after today: record it once it has happened
            must not be in the past                              | cannot be before today
            must not be null                                     | is required
            must not be blank                                    | is required
            must be greater than or equal to 0.1                 | must be at least 0.1
            must be less than or equal to 100                    | must be at most 100
            size must be between 0 and 40                        | must be at most 40 characters
            must be true to open a second case for this patient  | must be ticked to open a second case for this patient
            must not be before the surgery of 2026-01-05         | must not be before the surgery of 2026-01-05
            must be one of UPFRONT_RESECTION, CLINICAL_TRIAL     | must be one of upfront resection, clinical trial
            """)
    void fieldMessagesReadAsPlainWords(String service, String plain) {
        assertEquals(plain, Refusals.field(service));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            patient.birthDate                   | Birth date
            imaging.chestImaging.date           | Date
            imaging.vesselInvolvement[0].vessel | Vessel
            reasonCode                          | Reason code
            date                                | Date
            """)
    void aFieldsPathReadsAsItsName(String path, String label) {
        assertEquals(label, Refusals.label(path));
    }

    @Test
    void aSecondOpenCaseSaysWhatToDoAndNotTheFlagOrTheId() {
        UUID open = UUID.randomUUID();
        Problem p = new Problem("Patient already has an open case", 409, "This patient already has an open case (" + open
                + "). Add to that case, or send the referral again with confirmSecondOpenCase: true to open a second one.",
                List.of(new FieldError("confirmSecondOpenCase", "must be true to open a second case for this patient")),
                List.of(open), null, null, null, null);
        String said = Refusals.notSaved(p, "Intake");
        assertTrue(said.startsWith("Nothing was saved. This patient already has an open case"), said);
        assertTrue(said.contains("tick \"Open a second case for this patient\""), said);
        assertFalse(said.contains(open.toString()) || said.contains("confirmSecondOpenCase"), said);
    }

    @Test
    void noQuorumNamesTheDisciplinesStillToVoteInWords() {
        Problem p = new Problem("No quorum", 409, "Quorum not met: no vote yet from [PATHOLOGY, RADIATION_ONCOLOGY]", null, null,
                List.of("PATHOLOGY", "RADIATION_ONCOLOGY"), Map.of("UPFRONT_RESECTION", 3), 3, null);
        assertEquals("The decision is not recorded: the board has no quorum yet. Still to vote: pathology, radiation oncology.",
                Refusals.say(p, "Board"));
    }

    @Test
    void noMajorityGivesTheCountsInWords() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("UPFRONT_RESECTION", 2);
        counts.put("NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION", 2);
        String said = Refusals.say(new Problem("No majority", 409, "No option has a strict majority", null, null, null, counts, 4, null),
                "Board");
        assertTrue(said.startsWith("The decision is not recorded: no plan has a strict majority of the 4 votes cast "
                + "(upfront resection 2, radiotherapy, then resection 2)."), said);
    }

    @Test
    void aFullMeetingSaysChooseAnother() {
        UUID meeting = UUID.randomUUID();
        String said = Refusals.say(new Problem("Meeting full", 409, "meeting " + meeting + " is full (8 cases)", null, null, null, null,
                null, 8), "Board");
        assertEquals("The case is not moved: that meeting is full (8 cases). Choose another meeting, or ask the chair to plan one.", said);
    }

    @Test
    void aValidationRefusalNamesEachFieldInWords() {
        Problem p = new Problem("Bad request", 400, "patient.birthDate: must be a past date", List.of(
                new FieldError("patient.birthDate", "must be a past date")));
        assertEquals("One answer needs changing: Birth date must be before today.", Refusals.say(p, "Intake"));
    }

    @Test
    void otherConflictsLoseTheirIdsAndCodes() {
        UUID c = UUID.randomUUID();
        assertEquals("This case is already decided (upfront resection).",
                Refusals.say(new Problem("Conflict", 409, "case " + c + " is already decided (UPFRONT_RESECTION)", null), "Board"));
        assertEquals("This case is in surveillance: the resection is reported.",
                Refusals.say(new Problem("Conflict", 409, "Case " + c + " is IN_SURVEILLANCE: the resection is reported", null), "Board"));
    }

    @Test
    void noProblemAtAllIsTheServiceNotAnswering() {
        assertEquals(Answers.unavailable("Board"), Refusals.notSaved(null, "Board"));
        assertEquals(Answers.unavailable("Board"), Refusals.say(new Problem(null, 502, null, null), "Board"));
    }
}
