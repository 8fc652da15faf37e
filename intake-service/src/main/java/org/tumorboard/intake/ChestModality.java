package org.tumorboard.intake;

/** How the chest was imaged. */
public enum ChestModality {
    CT, RADIOGRAPH
}
