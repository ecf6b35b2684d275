package dev.chikuden.ems.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a time range: the raw cycles when at most {@code maxPoints} of them fall in it and no
 * part of it is older than the oldest raw row (raw retention is shorter than the aggregates'), else
 * the aggregates, grouped in SQL into the smallest multiple of the bucket that gives at most
 * {@code maxPoints} points. Buckets not aggregated yet (the one still open) are summarised from the
 * raw rows in the same statement, so a long range reaches up to the last cycle.
 */
final class TelemetryReader {
    private static final String RAW_CHOICE = "SELECT "
            + "(SELECT count(*) FROM (SELECT 1 FROM telemetry_raw WHERE epoch_ms >= ? AND epoch_ms <= ? LIMIT ?) AS r), "
            + "(SELECT count(*) FROM (SELECT 1 FROM telemetry_aggregate WHERE bucket_ms >= ? AND bucket_ms <= ? "
            + "AND bucket_ms + resolution_ms <= COALESCE((SELECT min(epoch_ms) FROM telemetry_raw), ?) LIMIT 1) AS a)";
    private static final String RAW_ROWS = "SELECT epoch_ms, grid_kw, battery_kw, setpoint_kw, load_kw, soc, "
            + "frequency_hz FROM telemetry_raw WHERE epoch_ms >= ? AND epoch_ms <= ? ORDER BY epoch_ms";

    private final TelemetryTables tables;
    private final long cycleMs;

    TelemetryReader(TelemetryTables tables, long cycleMs) {
        this.tables = tables;
        this.cycleMs = cycleMs;
    }

    List<TelemetryPoint> query(Connection c, long fromMs, long toMs, int maxPoints) throws SQLException {
        long fromBucket = tables.bucketStart(fromMs);
        if (rawFits(c, fromMs, toMs, fromBucket, maxPoints)) {
            return raw(c, fromMs, toMs);
        }
        return aggregates(c, fromBucket, toMs, coarseBucketMs(fromBucket, toMs, maxPoints));
    }

    private static boolean rawFits(Connection c, long fromMs, long toMs, long fromBucket, int maxPoints)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(RAW_CHOICE)) {
            p.setLong(1, fromMs);
            p.setLong(2, toMs);
            p.setLong(3, maxPoints + 1L);
            p.setLong(4, fromBucket);
            p.setLong(5, toMs);
            p.setLong(6, Long.MAX_VALUE);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) <= maxPoints && r.getLong(2) == 0;
            }
        }
    }

    private List<TelemetryPoint> raw(Connection c, long fromMs, long toMs) throws SQLException {
        List<TelemetryPoint> points = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(RAW_ROWS)) {
            p.setLong(1, fromMs);
            p.setLong(2, toMs);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    double grid = reading(r, 2);
                    double battery = reading(r, 3);
                    points.add(new TelemetryPoint(
                            r.getLong(1),
                            cycleMs,
                            1,
                            grid,
                            grid,
                            grid,
                            battery,
                            battery,
                            battery,
                            reading(r, 4),
                            reading(r, 5),
                            reading(r, 6),
                            reading(r, 7)));
                }
            }
        }
        return points;
    }

    /**
     * The smallest multiple of the bucket, aligned to the epoch so a sliding window keeps its bucket
     * edges, whose buckets from {@code fromBucket} to {@code toMs} number at most {@code maxPoints}
     * (two when one is asked for and the range straddles an edge).
     */
    long coarseBucketMs(long fromBucket, long toMs, int maxPoints) {
        long bucketMs = tables.aggregateMs();
        long spanBuckets = (toMs - fromBucket) / bucketMs + 1;
        long factor = Math.max(1, (spanBuckets + maxPoints - 1) / maxPoints);
        long surelyEnough = (toMs - fromBucket) / (bucketMs * Math.max(1, maxPoints - 1)) + 1;
        while (factor < surelyEnough
                && Math.floorDiv(toMs, factor * bucketMs) - Math.floorDiv(fromBucket, factor * bucketMs) + 1
                        > maxPoints) {
            factor++;
        }
        return factor * bucketMs;
    }

    private List<TelemetryPoint> aggregates(Connection c, long fromBucket, long toMs, long coarseMs)
            throws SQLException {
        String sql = "SELECT bucket_ms - bucket_ms % " + coarseMs + " AS coarse_ms, max(resolution_ms), sum(samples), "
                + Measure.each(Measure::rebucketed)
                + " FROM (SELECT " + TelemetryTables.AGGREGATE_COLUMNS
                + " FROM telemetry_aggregate WHERE bucket_ms >= ? AND bucket_ms <= ? UNION ALL "
                + tables.bucketsFromRaw(" AND epoch_ms >= COALESCE((" + TelemetryTables.AGGREGATED_UP_TO + "), ?)")
                + ") AS fine GROUP BY 1 ORDER BY 1";
        List<TelemetryPoint> points = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, fromBucket);
            p.setLong(2, toMs);
            p.setLong(3, fromBucket);
            p.setLong(4, tables.bucketStart(toMs) + tables.aggregateMs());
            p.setLong(5, Long.MIN_VALUE);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    points.add(point(r, coarseMs));
                }
            }
        }
        return points;
    }

    /** One re-bucketed row: start, size, cycles, then per quantity sum and count (and min, max). */
    private static TelemetryPoint point(ResultSet r, long coarseMs) throws SQLException {
        double[] means = new double[Measure.values().length];
        double[] mins = new double[means.length];
        double[] maxes = new double[means.length];
        int column = 4;
        for (Measure m : Measure.values()) {
            double sum = r.getDouble(column++);
            long readings = r.getLong(column++);
            means[m.ordinal()] = readings == 0 ? Double.NaN : sum / readings;
            if (m.ranged) {
                mins[m.ordinal()] = reading(r, column++);
                maxes[m.ordinal()] = reading(r, column++);
            }
        }
        int grid = Measure.GRID.ordinal();
        int battery = Measure.BATTERY.ordinal();
        return new TelemetryPoint(
                r.getLong(1),
                Math.max(coarseMs, r.getLong(2)),
                Math.toIntExact(r.getLong(3)),
                means[grid],
                mins[grid],
                maxes[grid],
                means[battery],
                mins[battery],
                maxes[battery],
                means[Measure.SETPOINT.ordinal()],
                means[Measure.LOAD.ordinal()],
                means[Measure.SOC.ordinal()],
                means[Measure.FREQUENCY.ordinal()]);
    }

    /** A stored reading; NULL (missing or stale when recorded) comes back as NaN, never 0. */
    private static double reading(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? Double.NaN : value;
    }
}
