package org.tumorboard.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When the one PostgreSQL server committed rows: {@code pg_xact_commit_timestamp} of a row's {@code xmin}, recorded
 * because bin/run starts the server with {@code track_commit_timestamp=on}. One clock for every service's database.
 */
final class Commits {

    private Commits() {
    }

    /**
     * Runs {@code select key, timestamp ... where ... = any(?)} on the service's database with the keys bound as a text
     * array (and the event type first when {@code type} is given).
     */
    static Map<String, Instant> stamps(Stack stack, String service, String select, String type, List<String> keys) throws SQLException {
        Map<String, Instant> stamps = new HashMap<>();
        try (Connection db = stack.db(service); PreparedStatement q = db.prepareStatement(select)) {
            Array array = db.createArrayOf("text", keys.toArray());
            int i = 1;
            if (type != null) {
                q.setString(i++, type);
            }
            q.setArray(i, array);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getTimestamp(2) == null) {
                        throw new IllegalStateException("no commit time recorded: the server must run with track_commit_timestamp=on "
                                + "(bin/run's does; restart an older stack)");
                    }
                    stamps.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return stamps;
    }

    /** The commit of each case's referral event in a consumer's inbox, waiting until every case has one (or the timeout). */
    static Map<String, Instant> awaitReferralReceived(Stack stack, String consumer, List<String> cases, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (true) {
            Map<String, Instant> received = stamps(stack, consumer,
                    "select subject, pg_xact_commit_timestamp(xmin) from inbox_event where type = ? and subject = any(?)",
                    Referrals.REFERRED, cases);
            if (received.size() == cases.size() || System.currentTimeMillis() > deadline) {
                return received;
            }
            Thread.sleep(200);
        }
    }
}
