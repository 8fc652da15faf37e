package org.tumorboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shape the {@code site} claim can take, and what the services make of it (issue 24, item 3). */
class SiteClaimTest {

    /** Stands for a JSON-P string value inside a JSON array claim: its text is the JSON form, quotes included. */
    record JsonText(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    static Stream<Arguments> claims() {
        return Stream.of(
                Arguments.of("no claim", null, new SiteClaim.Missing()),
                Arguments.of("a plain string", "HUB", new SiteClaim.One("HUB")),
                Arguments.of("a blank string", " ", new SiteClaim.Missing()),
                Arguments.of("an empty array", List.of(), new SiteClaim.Missing()),
                Arguments.of("an array of one (Keycloak's multivalued mapper)", List.of(new JsonText("\"SPOKE-NORTH\"")),
                        new SiteClaim.One("SPOKE-NORTH")),
                Arguments.of("an array of one plain string", List.of("SPOKE-SOUTH"), new SiteClaim.One("SPOKE-SOUTH")),
                Arguments.of("the same site from the group and the user's attribute", List.of("HUB", "HUB"),
                        new SiteClaim.One("HUB")),
                Arguments.of("two site groups", List.of(new JsonText("\"HUB\""), new JsonText("\"SPOKE-NORTH\"")),
                        new SiteClaim.Ambiguous(List.of("HUB", "SPOKE-NORTH"))),
                Arguments.of("an attribute overriding the group", List.of("SPOKE-SOUTH", "HUB"),
                        new SiteClaim.Ambiguous(List.of("SPOKE-SOUTH", "HUB"))),
                Arguments.of("a number in the array", List.of(new JsonText("7")),
                        new SiteClaim.Ambiguous(List.of("(not a string)"))),
                Arguments.of("a null in the array", Arrays.asList("HUB", null),
                        new SiteClaim.Ambiguous(List.of("HUB", "(not a string)"))),
                Arguments.of("an escaped string", List.of(new JsonText("\"SPOKE\\u002dEAST\"")), new SiteClaim.One("SPOKE-EAST")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void readsTheClaim(String shape, Object claim, SiteClaim expected) {
        assertEquals(expected, SiteClaim.read(claim));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void describesItForTheAuditTrail(String shape, Object claim, SiteClaim expected) {
        String described = SiteClaim.read(claim).describe();
        switch (expected) {
            case SiteClaim.One one -> assertEquals(one.site(), described);
            case SiteClaim.Missing missing -> assertEquals(null, described);
            case SiteClaim.Ambiguous ambiguous -> assertEquals(String.join(",", ambiguous.values()), described);
        }
    }
}
