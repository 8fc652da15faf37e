package org.tumorboard.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Item 5, table growth: the rows of each service's outbox, inbox and audit trail, and their growth per 1,000 cases. */
final class Tables {

    static final List<String> TABLES = List.of("outbox_event", "inbox_event", "audit_record");

    private Tables() {
    }

    static Map<String, Map<String, Long>> rows(Stack stack) throws Exception {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (String service : Stack.SERVICES) {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Connection db = stack.db(service); Statement q = db.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = q.executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
            rows.put(service, counts);
        }
        return rows;
    }

    /** Rows added between the two counts, scaled to 1,000 cases. */
    static Map<String, Map<String, Long>> growth(Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after, int cases) {
        Map<String, Map<String, Long>> growth = new LinkedHashMap<>();
        after.forEach((service, counts) -> {
            Map<String, Long> perThousand = new LinkedHashMap<>();
            counts.forEach((table, n) -> perThousand.put(table,
                    cases == 0 ? 0 : Math.round((n - before.get(service).get(table)) * 1000.0 / cases)));
            growth.put(service, perThousand);
        });
        return growth;
    }
}
