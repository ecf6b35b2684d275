package dev.chikuden.ems.store;

import dev.chikuden.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The store in a PostgreSQL database. Properties given in the URL win over the defaults set here
 * (timeouts, so an unreachable server fails the start instead of hanging it; batched inserts
 * rewritten to multi-row statements).
 */
record PostgresServer(String url, String user, String password) implements StoreDialect {
    static final String URL_PREFIX = "jdbc:postgresql:";

    @Override
    public String where() {
        return Secrets.mask(url);
    }

    @Override
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "chikuden-ems");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        properties.setProperty("socketTimeout", "60");
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public boolean appends() {
        return false;
    }

    @Override
    public List<String> indexes() {
        return List.of(
                "CREATE INDEX IF NOT EXISTS telemetry_raw_epoch ON telemetry_raw (epoch_ms)",
                "CREATE INDEX IF NOT EXISTS telemetry_aggregate_bucket ON telemetry_aggregate (bucket_ms)");
    }

    @Override
    public StoreOpenException cannotOpen(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String cause = StoreDialect.cause(e);
        String what;
        if (state.startsWith("08")) {
            what = "cannot reach PostgreSQL (" + cause + "); start the server or correct ems.store.jdbcUrl";
        } else if (state.startsWith("28")) {
            what = "PostgreSQL refused user " + user + " (" + cause + "); check ems.store.user and ems.store.password";
        } else if (state.equals("3D000")) {
            what = "the database does not exist (" + cause + "); create it (createdb -O " + user
                    + " NAME) or correct ems.store.jdbcUrl";
        } else if (state.equals("42501")) {
            what = "user " + user + " may not create the telemetry tables (" + cause + "); grant it CREATE on "
                    + "the schema or give it a database of its own";
        } else {
            what = "cannot open it (" + cause + ")";
        }
        return new StoreOpenException("telemetry store " + where() + ": " + what, e);
    }
}
