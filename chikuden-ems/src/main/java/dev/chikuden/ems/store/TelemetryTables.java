package dev.chikuden.ems.store;

import dev.chikuden.ems.runtime.CycleSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

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
    static final String AGGREGATE_COLUMNS = "bucket_ms, resolution_ms, samples, "
            + Measure.each(Measure::aggregateColumns);
    /** The end of the newest aggregate bucket: raw rows from there on are not aggregated yet. */
    static final String AGGREGATED_UP_TO =
            "SELECT bucket_ms + resolution_ms FROM telemetry_aggregate ORDER BY bucket_ms DESC LIMIT 1";

    private final long aggregateMs;

    TelemetryTables(long aggregateMs) {
        this.aggregateMs = aggregateMs;
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
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(AGGREGATED_UP_TO)) {
            return r.next() ? r.getLong(1) : Long.MIN_VALUE;
        }
    }

    void insert(Connection c, List<CycleSnapshot> rows) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO telemetry_raw (" + RAW_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CycleSnapshot s : rows) {
                p.setLong(1, s.epochMs());
                p.setLong(2, s.cycle());
                p.setString(3, s.state().json());
                setReading(p, 4, s.gridKw());
                setReading(p, 5, s.loadKw());
                setReading(p, 6, s.frequencyHz());
                setReading(p, 7, s.batteryKw());
                setReading(p, 8, s.setpointKw());
                setReading(p, 9, s.soc());
                if (s.binding() == null) {
                    p.setNull(10, Types.VARCHAR);
                } else {
                    p.setString(10, s.binding());
                }
                setReading(p, 11, s.cycleMs());
                setReading(p, 12, s.lateMs());
                p.setInt(13, s.staleDevices());
                p.setInt(14, s.activeAlarms());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Aggregates the raw rows of the buckets in {@code [fromMs, toMs)}, both bucket starts. */
    void aggregate(Connection c, long fromMs, long toMs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO telemetry_aggregate (" + AGGREGATE_COLUMNS + ") "
                + bucketsFromRaw(""))) {
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
             PreparedStatement aggregates = c.prepareStatement("DELETE FROM telemetry_aggregate WHERE bucket_ms < ?")) {
            raw.setLong(1, rawCutoffMs);
            raw.executeUpdate();
            aggregates.setLong(1, aggregateCutoffMs);
            aggregates.executeUpdate();
        }
    }

    private static void setReading(PreparedStatement p, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            p.setNull(index, Types.DOUBLE);
        } else {
            p.setDouble(index, value);
        }
    }
}
