package dev.chikuden.ems.store;

import dev.chikuden.ems.cycle.CycleSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The two tables and the statements that write them, the same SQL on DuckDB and PostgreSQL:
 * {@code telemetry_raw} has one row per cycle, {@code telemetry_aggregate} one row per closed bucket
 * of {@code aggregateMs} (bucket start, size, cycle count, then per quantity mean, min, max and the
 * count of readings that were not missing). A missing reading (NaN) is stored as NULL, so every
 * aggregate skips it. Bucket sizes are written into the SQL as numbers; bounds are parameters.
 */
final class TelemetryTables {
    private static final String RAW_COLUMNS = "epoch_ms, cycle, state, grid_kw, load_kw, frequency_hz, battery_kw, "
            + "setpoint_kw, soc, binding, cycle_ms, late_ms, stale_devices, active_alarms";
    static final String AGGREGATE_COLUMNS =
            "bucket_ms, resolution_ms, samples, " + Measure.each(Measure::aggregateColumns);
    /** The end of the newest aggregate bucket: raw rows from there on are not aggregated yet. */
    static final String AGGREGATED_UP_TO =
            "SELECT bucket_ms + resolution_ms FROM telemetry_aggregate ORDER BY bucket_ms DESC LIMIT 1";

    private final long aggregateMs;
    private final boolean appender;

    /**
     * @param appender write raw rows through DuckDB's appender: it runs inside the connection's
     *                 transaction (committed, and rolled back, with the rest) and is far faster
     *                 there than a prepared batch (170,000 against 2,000 rows/s measured);
     *                 elsewhere a prepared batch, which PostgreSQL's driver sends as multi-row inserts
     */
    TelemetryTables(long aggregateMs, boolean appender) {
        this.aggregateMs = aggregateMs;
        this.appender = appender;
    }

    long aggregateMs() {
        return aggregateMs;
    }

    long bucketStart(long epochMs) {
        return epochMs - Math.floorMod(epochMs, aggregateMs);
    }

    void create(Connection c, List<String> indexes) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS telemetry_raw (epoch_ms BIGINT NOT NULL, cycle BIGINT NOT NULL, "
                    + "state VARCHAR NOT NULL, grid_kw DOUBLE PRECISION, load_kw DOUBLE PRECISION, "
                    + "frequency_hz DOUBLE PRECISION, battery_kw DOUBLE PRECISION, setpoint_kw DOUBLE PRECISION, "
                    + "soc DOUBLE PRECISION, binding VARCHAR, cycle_ms DOUBLE PRECISION, "
                    + "late_ms DOUBLE PRECISION, stale_devices INTEGER NOT NULL, active_alarms INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS telemetry_aggregate (bucket_ms BIGINT NOT NULL, "
                    + "resolution_ms BIGINT NOT NULL, samples BIGINT NOT NULL, "
                    + Measure.each(Measure::aggregateColumnTypes) + ")");
            for (String index : indexes) {
                s.execute(index);
            }
        }
    }

    /** Where aggregation resumes: the end of the newest bucket, or the beginning of time. */
    long aggregatedUpTo(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(AGGREGATED_UP_TO)) {
            return r.next() ? r.getLong(1) : Long.MIN_VALUE;
        }
    }

    void insert(Connection c, List<CycleSnapshot> rows) throws SQLException {
        if (appender) {
            // An appender joins a running transaction but commits on its own when none runs; a
            // statement makes the driver begin one.
            try (Statement begin = c.createStatement()) {
                begin.execute("SELECT 1");
            }
            try (DuckDBAppender to = c.unwrap(DuckDBConnection.class).createAppender("telemetry_raw")) {
                RowSink sink = new AppenderSink(to);
                for (CycleSnapshot s : rows) {
                    to.beginRow();
                    row(s, sink);
                    to.endRow();
                }
            }
            return;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO telemetry_raw (" + RAW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            StatementSink sink = new StatementSink(p);
            for (CycleSnapshot s : rows) {
                sink.column = 0;
                row(s, sink);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** One raw row's values, in the order of {@link #RAW_COLUMNS} (the table's own order, as the appender needs). */
    private static void row(CycleSnapshot s, RowSink to) throws SQLException {
        to.bigint(s.epochMs());
        to.bigint(s.cycle());
        to.text(s.state().json());
        to.reading(s.gridKw());
        to.reading(s.loadKw());
        to.reading(s.frequencyHz());
        to.reading(s.batteryKw());
        to.reading(s.setpointKw());
        to.reading(s.soc());
        to.text(s.binding());
        to.reading(s.cycleMs());
        to.reading(s.lateMs());
        to.integer(s.staleDevices());
        to.integer(s.activeAlarms());
    }

    /** Aggregates the raw rows of the buckets in {@code [fromMs, toMs)}, both bucket starts. */
    void aggregate(Connection c, long fromMs, long toMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO telemetry_aggregate (" + AGGREGATE_COLUMNS + ") " + bucketsFromRaw(""))) {
            p.setLong(1, fromMs);
            p.setLong(2, toMs);
            p.executeUpdate();
        }
    }

    /**
     * Raw rows from {@code [?1, ?2)} summarised per bucket, in the aggregate table's columns;
     * {@code condition} narrows the rows further ("AND ...").
     */
    String bucketsFromRaw(String condition) {
        return "SELECT epoch_ms - epoch_ms % " + aggregateMs + " AS bucket_ms, CAST(" + aggregateMs
                + " AS BIGINT) AS resolution_ms, count(*) AS samples, " + Measure.each(Measure::fromRaw)
                + " FROM telemetry_raw WHERE epoch_ms >= ? AND epoch_ms < ?" + condition + " GROUP BY 1";
    }

    /** Retention: raw rows before {@code rawCutoffMs}, aggregates whose bucket starts before the other. */
    void deleteBefore(Connection c, long rawCutoffMs, long aggregateCutoffMs) throws SQLException {
        try (PreparedStatement raw = c.prepareStatement("DELETE FROM telemetry_raw WHERE epoch_ms < ?");
                PreparedStatement aggregates =
                        c.prepareStatement("DELETE FROM telemetry_aggregate WHERE bucket_ms < ?")) {
            raw.setLong(1, rawCutoffMs);
            raw.executeUpdate();
            aggregates.setLong(1, aggregateCutoffMs);
            aggregates.executeUpdate();
        }
    }

    /** Where one row's values go; a missing reading (NaN) and a missing text become NULL. */
    private interface RowSink {
        void bigint(long value) throws SQLException;

        void integer(int value) throws SQLException;

        void reading(double value) throws SQLException;

        void text(String value) throws SQLException;
    }

    private static final class StatementSink implements RowSink {
        private final PreparedStatement p;
        private int column;

        StatementSink(PreparedStatement p) {
            this.p = p;
        }

        @Override
        public void bigint(long value) throws SQLException {
            p.setLong(++column, value);
        }

        @Override
        public void integer(int value) throws SQLException {
            p.setInt(++column, value);
        }

        @Override
        public void reading(double value) throws SQLException {
            if (Double.isNaN(value)) {
                p.setNull(++column, Types.DOUBLE);
            } else {
                p.setDouble(++column, value);
            }
        }

        @Override
        public void text(String value) throws SQLException {
            if (value == null) {
                p.setNull(++column, Types.VARCHAR);
            } else {
                p.setString(++column, value);
            }
        }
    }

    private record AppenderSink(DuckDBAppender to) implements RowSink {
        @Override
        public void bigint(long value) throws SQLException {
            to.append(value);
        }

        @Override
        public void integer(int value) throws SQLException {
            to.append(value);
        }

        @Override
        public void reading(double value) throws SQLException {
            if (Double.isNaN(value)) {
                to.appendNull();
            } else {
                to.append(value);
            }
        }

        @Override
        public void text(String value) throws SQLException {
            if (value == null) {
                to.appendNull();
            } else {
                to.append(value);
            }
        }
    }
}
