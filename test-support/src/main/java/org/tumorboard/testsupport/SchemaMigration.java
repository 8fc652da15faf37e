package org.tumorboard.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * A migration test's database on the embedded PostgreSQL: a fresh database migrated by the service's own Flyway scripts
 * up to an old version, filled with rows as the old code wrote them, then migrated to the newest version, so that the
 * test can check that the rows read back the same in the new, typed columns.
 */
public final class SchemaMigration implements AutoCloseable {

    private final String url;
    private final Connection connection;

    private SchemaMigration(String url) throws SQLException {
        this.url = url;
        this.connection = DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }

    /** A new database at schema version {@code oldVersion} of the platform's and the service's migrations. */
    public static SchemaMigration at(String oldVersion) {
        String url = EmbeddedPostgres.get().createDatabase("migration_" + UUID.randomUUID().toString().replace("-", ""));
        flyway(url, oldVersion).migrate();
        try {
            return new SchemaMigration(url);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + url, e);
        }
    }

    /** Rows as the old code wrote them. */
    public SchemaMigration with(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the old rows: " + e.getMessage(), e);
        }
    }

    /** Runs the remaining migrations; returns the newest version applied. */
    public String migrateToNewest() {
        return flyway(url, "latest").migrate().targetSchemaVersion;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure()
                .dataSource(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)
                .locations("classpath:db/platform", "classpath:db/migration") // as quarkus.flyway.locations
                .outOfOrder(true)
                .placeholders(Map.of("service_role", EmbeddedPostgres.USER)) // as quarkus.flyway.placeholders
                .target(target)
                .load();
    }
}
