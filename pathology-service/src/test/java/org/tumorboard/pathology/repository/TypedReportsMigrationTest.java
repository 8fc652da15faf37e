package org.tumorboard.pathology.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tumorboard.testsupport.SchemaMigration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * V4 (typed reports): versions written by the old code as JSON text read back the same from jsonb, and a resection
 * version's margin, which the R0 figures used to dig out of the result's JSON, is in its own column.
 */
class TypedReportsMigrationTest {

    private static final UUID CASE = UUID.fromString("7b4b2e1d-0000-4000-8000-000000000001");
    private static final UUID BIOPSY = UUID.fromString("7b4b2e1d-0000-4000-8000-0000000000b1");
    private static final UUID RESECTION = UUID.fromString("7b4b2e1d-0000-4000-8000-0000000000c1");
    private static final String BIOPSY_CONTENT = "{\"histology\":\"LEIOMYOSARCOMA\",\"fnclcc\":{\"differentiation\":2,"
            + "\"mitosesPer10Hpf\":12,\"necrosisPercent\":30}}";
    private static final String BIOPSY_RESULT = "{\"grade\":{\"grade\":\"G3\",\"score\":6},\"alerts\":[],\"nonSarcoma\":false}";
    private static final String RESECTION_V1 = "{\"margin\":\"R0\",\"assumedInvolvedFraction\":0.10,\"marginMissProbability\":0.669}";
    private static final String RESECTION_V2 = "{\"margin\":\"R1\",\"assumedInvolvedFraction\":0.10,\"marginMissProbability\":0.669}";

    @Test
    void oldVersionsReadBackTheSameAndResectionsHaveTheirMargin() throws Exception {
        try (SchemaMigration db = SchemaMigration.at("3")
                .with("insert into pathology_case (case_id, referring_site, referred_at, awaiting, awaiting_since)"
                        + " values ('" + CASE + "', 'HUB', now(), 'NOTHING', now())")
                .with("insert into pathology_report values ('" + BIOPSY + "', '" + CASE + "', 'BIOPSY', now(), 1),"
                        + " ('" + RESECTION + "', '" + CASE + "', 'RESECTION', now(), 2)")
                .with("insert into report_version values (gen_random_uuid(), '" + BIOPSY + "', 1, now(), 'patho', null, '"
                        + BIOPSY_CONTENT + "', '" + BIOPSY_RESULT + "'),"
                        + " (gen_random_uuid(), '" + RESECTION + "', 1, now(), 'patho', null, '{}', '" + RESECTION_V1 + "'),"
                        + " (gen_random_uuid(), '" + RESECTION + "', 2, now(), 'patho', 'recut', '{}', '" + RESECTION_V2 + "')")) {
            assertTrue(Integer.parseInt(db.migrateToNewest()) >= 4, "migrated to V4 or later");
            ObjectMapper json = new ObjectMapper();
            try (Statement s = db.connection().createStatement();
                    ResultSet rs = s.executeQuery("select r.kind, v.version, v.content, v.result, v.margin from report_version v"
                            + " join pathology_report r on r.report_id = v.report_id order by r.kind, v.version")) {
                rs.next();
                assertEquals("BIOPSY", rs.getString(1));
                assertEquals(json.readTree(BIOPSY_CONTENT), json.readTree(rs.getString(3)));
                assertEquals(json.readTree(BIOPSY_RESULT), json.readTree(rs.getString(4)));
                assertNull(rs.getString(5), "a biopsy has no margin");
                rs.next();
                assertEquals(json.readTree(RESECTION_V1), json.readTree(rs.getString(4)));
                assertEquals("R0", rs.getString(5));
                rs.next();
                assertEquals(2, rs.getInt(2));
                assertEquals("R1", rs.getString(5), "each version keeps its own margin");
            }
        }
    }
}
