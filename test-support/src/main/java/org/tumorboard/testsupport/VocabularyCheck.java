package org.tumorboard.testsupport;

import java.util.Arrays;
import java.util.List;

/**
 * A service's enum against its spelling in the shared contract (case-events {@code Vocabulary}), which the web app's
 * forms use: a value added, removed or moved in one and not the other fails the service's {@code VocabularyTest}.
 */
public final class VocabularyCheck {

    private VocabularyCheck() {
    }

    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
