package org.tumorboard.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one variable that sets the network's sites for every service (issue 24, item 3). */
class NetworkTest {

    @Test
    void aListOfCodesAndNames() {
        assertEquals(Map.of("HUB", "Sarcoma Center", "SPOKE-EAST", "East General = Main"),
                Network.parse(" HUB=Sarcoma Center ; SPOKE-EAST=East General = Main;"));
    }

    @Test
    void anEntryThatIsNotCodeAndNameIsRefusedWithTheEntry() {
        for (String bad : new String[] { "HUB", "HUB=", "=Hub", "spoke-east=East", "SPOKE EAST=East" }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Network.parse("HUB=Hub;" + bad), bad);
            assertTrue(refused.getMessage().contains(bad.strip()), refused.getMessage());
        }
    }
}
