package dev.chikuden.ems.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded store: one DuckDB file, locked by the process that has it open. A commit is written
 * to DuckDB's write-ahead log before it returns, and the log is replayed when the file is opened
 * again, so a killed service loses nothing it had committed.
 */
record DuckDbFile(Path file) implements StoreDialect {
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.+?) \\(PID (\\d+)\\)");

    /**
     * The buffer pool's ceiling; DuckDB's default (80 % of RAM) suits an analytics job, not a
     * service beside a control loop. Every connection to the file must pass the same settings.
     */
    private static final String MEMORY_LIMIT = "256MB";

    @Override
    public String where() {
        return file.toString();
    }

    @Override
    public Connection connect() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("memory_limit", MEMORY_LIMIT);
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), settings);
    }

    @Override
    public boolean appends() {
        return true;
    }

    /** None: DuckDB's per-block min/max (zone maps) answer time ranges over rows appended in time order. */
    @Override
    public List<String> indexes() {
        return List.of();
    }

    @Override
    public StoreOpenException cannotOpen(SQLException e) {
        String cause = StoreDialect.cause(e);
        Matcher holder = LOCK_HOLDER.matcher(cause);
        if (holder.find()) {
            return new StoreOpenException(
                    "telemetry store " + file + ": the file is in use by another process (PID "
                            + holder.group(2) + ", " + holder.group(1) + "); stop that process (another chikuden serve "
                            + "of this site?) or give this service its own store file (ems.store.file)",
                    e);
        }
        if (cause.contains("not a valid DuckDB database")) {
            return new StoreOpenException(
                    "telemetry store " + file + ": the file is not a DuckDB database; move it "
                            + "away or give the service another store file (ems.store.file)",
                    e);
        }
        return new StoreOpenException(
                "telemetry store " + file + ": cannot open it (" + cause + "); check that its "
                        + "directory is writable or give the service another store file (ems.store.file)",
                e);
    }
}
