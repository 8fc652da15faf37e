package org.tumorboard.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the binaries in the zonky Maven jar, started once per test JVM.
 * Each service gets its own database on it, as each service has its own database in production.
 */
public final class EmbeddedPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgres instance;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    public static synchronized EmbeddedPostgres get() {
        if (instance == null) {
            // zonky registers its own shutdown hook, which stops the server and then deletes the data directory.
            // A second hook of ours raced it once, deleted the PID file under pg_ctl and left the server running.
            instance = start();
        }
        return instance;
    }

    private static EmbeddedPostgres start() {
        try {
            long started = System.nanoTime();
            Path dataDir = Files.createTempDirectory("pg-data-");
            Path extractDir = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
            Files.createDirectories(extractDir);
            var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(extractDir.toFile())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    // TCP only: no Unix socket left in /tmp.
                    .setServerConfig("unix_socket_directories", "")
                    .start();
            System.out.printf("Embedded PostgreSQL ready on port %d in %d ms%n", server.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new EmbeddedPostgres(server);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
    }

    /** A server on a fixed port whose data stays in {@code dataDir} across restarts (the local stack). */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            Path extractDir = dataDir.getParent().resolve("postgres-binaries");
            Files.createDirectories(extractDir);
            var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setOverrideWorkingDirectory(extractDir.toFile())
                    .setServerConfig("max_connections", "200")
                    // bin/bench reads when each row's transaction committed (pg_xact_commit_timestamp), issue 21
                    .setServerConfig("track_commit_timestamp", "on")
                    .setServerConfig("unix_socket_directories", "")
                    .start();
            return new EmbeddedPostgres(server);
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL on port " + port, e);
        }
    }

    /**
     * A service's database and its two login roles (issue 24, item 5), passwords = role names (local runs and tests
     * only): {@code <name>_owner} owns the database and its schema and runs the migrations; {@code <name>}, the
     * service's own role, gets only what the migrations grant it. Idempotent; a database from before, owned by the
     * service's role, is handed to the owner role (the same step a hospital runs once on its database server).
     */
    public synchronized String createServiceDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + name);
        }
        String owner = name + "_owner";
        boolean handOver;
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String role : List.of(name, owner)) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                    if (!rs.next()) {
                        s.execute("create role " + role + " login password '" + role + "'");
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + name + " owner " + owner);
                    handOver = false;
                } else {
                    handOver = name.equals(rs.getString(1)); // a database from before: owned by the service's role
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl(name), USER, PASSWORD); Statement s = c.createStatement()) {
            if (handOver) {
                // the grants follow from migration V0_7, which the owner runs at the service's next start
                s.execute("reassign owned by " + name + " to " + owner);
            }
            // PostgreSQL 14 gives everyone CREATE on the public schema; 15 and later do as this does
            s.execute("alter schema public owner to " + owner);
            s.execute("revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not hand database " + name + " to " + owner, e);
        }
        return jdbcUrl(name);
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public synchronized String createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + database);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + database);
                }
            }
            return jdbcUrl(database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }
}
