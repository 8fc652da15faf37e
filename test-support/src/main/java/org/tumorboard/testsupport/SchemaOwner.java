package org.tumorboard.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's database as the role that owns its schema and runs its migrations (issue 24, item 5): for a test that
 * changes the schema for a moment (a trigger or a constraint that makes a write fail), which the service's own role may
 * not do.
 */
public final class SchemaOwner {

    private SchemaOwner() {
    }

    public static void sql(String statement) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    public static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
    }
}
