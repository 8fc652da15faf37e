package org.tumorboard.intake.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.events.Grades;
import org.tumorboard.intake.ChestModality;
import org.tumorboard.intake.rules.WorkupChecklist.Item;

/**
 * rps-reference.md sections 2 and 8: CT abdomen/pelvis always; chest imaging, and a chest CT when the grade is G2,
 * G3, GX or not yet known: a chest radiograph suffices only for G1.
 */
class WorkupChecklistTest {

    @ParameterizedTest(name = "ct={0}, chest={1}, grade={2} -> missing {3}")
    @CsvSource(nullValues = "none", value = {
            "true,  CT,         none, ''",
            "true,  CT,         G1,   ''",
            "true,  CT,         G3,   ''",
            "true,  CT,         GX,   ''",
            "true,  RADIOGRAPH, G1,   ''",
            "true,  RADIOGRAPH, G2,   CHEST_CT",
            "true,  RADIOGRAPH, G3,   CHEST_CT",
            "true,  RADIOGRAPH, GX,   CHEST_CT",
            "true,  RADIOGRAPH, none, CHEST_CT",
            "true,  none,       none, CHEST_IMAGING",
            "true,  none,       G1,   CHEST_IMAGING",
            "true,  none,       G3,   CHEST_IMAGING",
            "false, CT,         none, CT_ABDOMEN_PELVIS",
            "false, none,       none, CT_ABDOMEN_PELVIS CHEST_IMAGING",
            "false, RADIOGRAPH, G3,   CT_ABDOMEN_PELVIS CHEST_CT",
            "false, RADIOGRAPH, G1,   CT_ABDOMEN_PELVIS",
    })
    void missing(boolean ct, ChestModality chest, String grade, String expected) {
        List<Item> items = expected.isBlank() ? List.of()
                : Arrays.stream(expected.trim().split("\\s+")).map(Item::valueOf).toList();
        assertEquals(items, WorkupChecklist.missing(ct, chest, Grades.knownLowGrade(grade)));
    }
}
