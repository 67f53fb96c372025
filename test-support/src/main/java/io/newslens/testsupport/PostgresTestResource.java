package io.newslens.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its own database on the machine's real PostgreSQL (127.0.0.1:5432), creating
 * it when missing; Flyway then cleans and migrates it. Starts PostgreSQL through the project's script when
 * it is down. Initialise with {@code @WithTestResource(value = PostgresTestResource.class, initArgs =
 * @ResourceArg(name = "database", value = "newslens_ingest_qt"))}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String HOST = System.getProperty("newslens.test.pg-host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("newslens.test.pg-port", 5432);

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "newslens_qt");
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name must be [a-z0-9_]+: " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        ensureDatabase(database);
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "quarkus.datasource.devservices.enabled", "false",
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true");
    }

    @Override
    public void stop() {
        // the database stays for inspection; it is cleaned at the next start
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public static synchronized void ensureDatabase(String database) {
        try (Connection c = connect("postgres")) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database + " on PostgreSQL " + HOST + ":" + PORT, e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        try {
            return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
        } catch (SQLException first) {
            // PostgreSQL down: let the project's script start it, then try once more
            TestStack.runScript("up", "--profile", "test", "postgres");
            return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
        }
    }
}
