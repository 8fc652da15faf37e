package org.tumorboard.board.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tumorboard.board.Discipline;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.RecordedVote;
import org.tumorboard.testsupport.SchemaMigration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * V4 (typed board): comma lists written by the old code read back as the same arrays (an empty alert list stays empty,
 * a missing one null), and a decision's votes, JSON text before, as the same records from jsonb.
 */
class TypedBoardMigrationTest {

    private static final UUID A = UUID.fromString("8c5c3f2e-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("8c5c3f2e-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("8c5c3f2e-0000-4000-8000-00000000000c");

    @Test
    void oldRowsReadBackTheSame() throws Exception {
        String votes = "[{\"member\":\"surgeon\",\"discipline\":\"SURGERY\",\"option\":\"UPFRONT_RESECTION\",\"rationale\":\"resectable\","
                + "\"dissent\":false},{\"member\":\"radonc\",\"discipline\":\"RADIATION_ONCOLOGY\",\"option\":"
                + "\"NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION\",\"rationale\":\"margin at risk\",\"dissent\":true}]";
        try (SchemaMigration db = SchemaMigration.at("3")
                .with("insert into board_case (case_id, referring_site, referred_at, alerts) values"
                        + " ('" + A + "', 'HUB', now(), 'IHC_DISCORDANCE,MDM2_NOT_TESTED'), ('" + B + "', 'HUB', now(), ''),"
                        + " ('" + C + "', 'HUB', now(), null)")
                .with("insert into decision values (gen_random_uuid(), '" + A + "', 1, 'UPFRONT_RESECTION', '" + votes + "', now(), 'chair')")
                .with("insert into treatment (id, case_id, type, treatment_date, organs, recorded_at, recorded_by) values"
                        + " (gen_random_uuid(), '" + A + "', 'SURGERY', current_date, 'KIDNEY_LEFT,COLON_DESCENDING', now(), 'surgeon'),"
                        + " (gen_random_uuid(), '" + B + "', 'SURGERY', current_date, null, now(), 'surgeon')")
                .with("insert into surveillance_visit (id, case_id, number, month, due_date, exams) values"
                        + " (gen_random_uuid(), '" + A + "', 1, 3, current_date, 'HISTORY_AND_EXAMINATION,CT_ABDOMEN_PELVIS,CHEST_CT')")) {
            assertTrue(Integer.parseInt(db.migrateToNewest()) >= 4, "migrated to V4 or later");
            try (Statement s = db.connection().createStatement()) {
                assertEquals(List.of("IHC_DISCORDANCE", "MDM2_NOT_TESTED"), array(s, "select alerts from board_case where case_id = '" + A + "'"));
                assertEquals(List.of(), array(s, "select alerts from board_case where case_id = '" + B + "'"));
                assertNull(array(s, "select alerts from board_case where case_id = '" + C + "'"));
                assertEquals(List.of("KIDNEY_LEFT", "COLON_DESCENDING"), array(s, "select organs from treatment where case_id = '" + A + "'"));
                assertNull(array(s, "select organs from treatment where case_id = '" + B + "'"));
                assertEquals(List.of("HISTORY_AND_EXAMINATION", "CT_ABDOMEN_PELVIS", "CHEST_CT"),
                        array(s, "select exams from surveillance_visit where case_id = '" + A + "'"));
                try (ResultSet rs = s.executeQuery("select votes from decision where case_id = '" + A + "'")) {
                    rs.next();
                    List<RecordedVote> read = new ObjectMapper().readValue(rs.getString(1), new TypeReference<>() {
                    });
                    assertEquals(List.of(
                            new RecordedVote("surgeon", Discipline.SURGERY, PlanOption.UPFRONT_RESECTION, "resectable", false),
                            new RecordedVote("radonc", Discipline.RADIATION_ONCOLOGY, PlanOption.NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION,
                                    "margin at risk", true)), read);
                }
            }
        }
    }

    private static List<String> array(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            Array a = rs.getArray(1);
            return a == null ? null : Arrays.asList((String[]) a.getArray());
        }
    }
}
