package org.tumorboard.intake.rules;

import java.util.ArrayList;
import java.util.List;

import org.tumorboard.intake.ChestModality;

/**
 * rps-reference.md section 2, work-up before the board: CT abdomen/pelvis for every case, and chest imaging. Chest CT
 * is required when the grade is G2, G3, GX or not yet known; a chest radiograph suffices only for G1 (section 8).
 */
public final class WorkupChecklist {

    public enum Item {
        CT_ABDOMEN_PELVIS,
        CHEST_IMAGING,
        CHEST_CT
    }

    private WorkupChecklist() {
    }

    /**
     * @param hasCtAbdomenPelvis a contrast CT of abdomen and pelvis is on record
     * @param chestModality      how the chest was imaged, null when it was not
     * @param lowGradeKnown      pathology has reported grade G1
     */
    public static List<Item> missing(boolean hasCtAbdomenPelvis, ChestModality chestModality, boolean lowGradeKnown) {
        List<Item> missing = new ArrayList<>();
        if (!hasCtAbdomenPelvis) {
            missing.add(Item.CT_ABDOMEN_PELVIS);
        }
        if (chestModality == null) {
            missing.add(Item.CHEST_IMAGING);
        } else if (chestModality == ChestModality.RADIOGRAPH && !lowGradeKnown) {
            missing.add(Item.CHEST_CT);
        }
        return List.copyOf(missing);
    }
}
