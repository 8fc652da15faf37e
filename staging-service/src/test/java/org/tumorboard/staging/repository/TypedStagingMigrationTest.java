package org.tumorboard.staging.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tumorboard.staging.rules.CaseStagingRule;
import org.tumorboard.testsupport.SchemaMigration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** V3 (typed staging): a staging written by the old code, as JSON text, reads back the same from jsonb and text[]. */
class TypedStagingMigrationTest {

    private static final UUID CASE = UUID.fromString("6a3a1d0c-0000-4000-8000-000000000001");
    private static final UUID EVENT = UUID.fromString("6a3a1d0c-0000-4000-8000-0000000000e1");

    @Test
    void anOldStagingReadsBackTheSameInTheTypedColumns() throws SQLException, Exception {
        String inputs = "[{\"name\":\"greatestDimensionCm\",\"value\":\"22.0\",\"eventId\":\"" + EVENT
                + "\",\"eventType\":\"tumorboard.intake.case-referred.v1\"},{\"name\":\"grade\",\"value\":\"G3\",\"eventId\":\""
                + EVENT + "\",\"eventType\":\"tumorboard.pathology.biopsy-reported.v1\"}]";
        try (SchemaMigration db = SchemaMigration.at("2")
                .with("insert into staging_case (case_id, referring_site) values ('" + CASE + "', 'HUB')")
                .with("insert into staging (id, case_id, prefix, t, n, m, g, stage_group, edition, failure_pattern, inputs, changed,"
                        + " trigger_event_id, staged_at) values (gen_random_uuid(), '" + CASE + "', 'c', 'T4', 'N0', 'M0', 'G3', 'IIIB',"
                        + " 'AJCC8_RETROPERITONEUM', 'LOCAL_AND_DISTANT', '" + inputs + "', '[\"grade\",\"greatestDimensionCm\"]', '"
                        + EVENT + "', now())")) {
            assertTrue(Integer.parseInt(db.migrateToNewest()) >= 3, "migrated to V3 or later");
            try (Statement s = db.connection().createStatement();
                    ResultSet rs = s.executeQuery("select inputs, changed, pg_typeof(inputs)::text from staging where case_id = '" + CASE + "'")) {
                rs.next();
                List<CaseStagingRule.Input> read = new ObjectMapper().readValue(rs.getString(1), new TypeReference<>() {
                });
                assertEquals(List.of(
                        new CaseStagingRule.Input("greatestDimensionCm", "22.0", EVENT, "tumorboard.intake.case-referred.v1"),
                        new CaseStagingRule.Input("grade", "G3", EVENT, "tumorboard.pathology.biopsy-reported.v1")), read);
                Array changed = rs.getArray(2);
                assertEquals(List.of("grade", "greatestDimensionCm"), Arrays.asList((String[]) changed.getArray()));
                assertEquals("jsonb", rs.getString(3));
            }
        }
    }
}
