package dev.chikuden.ems.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests use: {@code CHIKUDEN_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD},
 * by default the database .ci/run creates. When the URL is not set and no server answers, the
 * tests are skipped with a message; when it is set (as CI does), an unreachable server fails them.
 */
final class TestPostgres {
    static final String URL = env("CHIKUDEN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/chikuden_test");
    static final String USER = env("CHIKUDEN_TEST_PG_USER", "chikuden");
    static final String PASSWORD = env("CHIKUDEN_TEST_PG_PASSWORD", "chikuden");
    private static final boolean EXPECTED = System.getenv("CHIKUDEN_TEST_PG_URL") != null;

    private TestPostgres() {}

    static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, p);
    }

    /** Why the server cannot be used, null when it can; asked once per test run. */
    private static final String UNREACHABLE = unreachable();

    /**
     * Skips the calling test, saying why (once on stderr too, as Maven does not print the reasons),
     * when no server is configured or reachable; fails it when one is configured but unreachable.
     */
    static void assumeReachable() {
        if (UNREACHABLE != null && EXPECTED) {
            throw new AssertionError(UNREACHABLE + " (CHIKUDEN_TEST_PG_URL is set, so a server is expected)");
        }
        Assumptions.assumeTrue(UNREACHABLE == null, UNREACHABLE);
    }

    private static String unreachable() {
        try (Connection c = connect(URL)) {
            return c.isValid(5) ? null : "PostgreSQL at " + URL + " does not answer";
        } catch (SQLException e) {
            String why = "PostgreSQL at " + URL + " as " + USER + " is not reachable (" + StoreDialect.cause(e)
                    + "); start it and create the role and database as .ci/run does, or set CHIKUDEN_TEST_PG_URL, "
                    + "CHIKUDEN_TEST_PG_USER and CHIKUDEN_TEST_PG_PASSWORD";
            if (!EXPECTED) {
                System.err.println("PostgreSQL store tests skipped: " + why);
            }
            return why;
        }
    }

    /** A new, empty schema of the test database. */
    static String createSchema() throws SQLException {
        String schema = "store_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = connect(URL);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    static void dropSchema(String schema) throws SQLException {
        try (Connection c = connect(URL);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The test database's URL with the schema as the one tables are created in and found. */
    static String urlWithSchema(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
