package org.tumorboard.intake.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.intake.ChestModality;
import org.tumorboard.intake.rules.WorkupChecklist.Item;

/** rps-reference.md section 2: CT abdomen/pelvis always; chest imaging, CT once the grade is G2/G3. */
class WorkupChecklistTest {

    @ParameterizedTest(name = "ct={0}, chest={1}, highGrade={2} -> missing {3}")
    @CsvSource(nullValues = "none", value = {
            "true,  CT,         false, ''",
            "true,  CT,         true,  ''",
            "true,  RADIOGRAPH, false, ''",
            "true,  RADIOGRAPH, true,  CHEST_CT",
            "true,  none,       false, CHEST_IMAGING",
            "true,  none,       true,  CHEST_IMAGING",
            "false, CT,         false, CT_ABDOMEN_PELVIS",
            "false, none,       false, CT_ABDOMEN_PELVIS CHEST_IMAGING",
            "false, RADIOGRAPH, true,  CT_ABDOMEN_PELVIS CHEST_CT",
    })
    void missing(boolean ct, ChestModality chest, boolean highGrade, String expected) {
        List<Item> items = expected.isBlank() ? List.of()
                : Arrays.stream(expected.trim().split("\\s+")).map(Item::valueOf).toList();
        assertEquals(items, WorkupChecklist.missing(ct, chest, highGrade));
    }
}
