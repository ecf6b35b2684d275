package dev.chikuden.ems.store;

import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cycles whose every value follows from the cycle number, so whoever reads a row back can tell
 * whether it is the one written. Some readings are missing (NaN), as a stale device leaves them.
 */
final class SyntheticCycles {
    /** 2026-01-01T00:00Z: on every bucket edge the tests use. */
    static final long START_MS = 1_767_225_600_000L;

    private SyntheticCycles() {}

    static CycleSnapshot cycle(long n, long periodMs) {
        boolean meterStale = n % 11 == 0;
        boolean batteryStale = n % 13 == 0;
        double grid = meterStale ? Double.NaN : 1_000 + n * 0.5 - (n % 7) * 3.25;
        double battery = batteryStale ? Double.NaN : (n % 17 - 8) * 12.5;
        return new CycleSnapshot(
                n,
                START_MS + n * periodMs,
                EmsState.values()[(int) (n % 3)],
                grid,
                grid + battery,
                meterStale ? Double.NaN : 50 + (n % 20 - 10) * 0.001,
                battery,
                (n % 19 - 9) * 10.0,
                batteryStale ? Double.NaN : 0.2 + (n % 50) / 100.0,
                n % 5 == 0 ? null : "peak-shaving",
                (n % 23) * 0.25,
                (n % 29) * 0.1,
                (meterStale ? 1 : 0) + (batteryStale ? 1 : 0),
                (int) (n % 4));
    }

    /** Every raw row as the snapshot it was written from, in cycle order. */
    static List<CycleSnapshot> stored(Connection c) throws SQLException {
        List<CycleSnapshot> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT cycle, epoch_ms, state, grid_kw, "
                        + "load_kw, frequency_hz, battery_kw, setpoint_kw, soc, binding, cycle_ms, late_ms, stale_devices, "
                        + "active_alarms FROM telemetry_raw ORDER BY cycle")) {
            while (r.next()) {
                rows.add(new CycleSnapshot(
                        r.getLong(1),
                        r.getLong(2),
                        EmsState.valueOf(r.getString(3).toUpperCase(Locale.ROOT)),
                        reading(r, 4),
                        reading(r, 5),
                        reading(r, 6),
                        reading(r, 7),
                        reading(r, 8),
                        reading(r, 9),
                        r.getString(10),
                        reading(r, 11),
                        reading(r, 12),
                        r.getInt(13),
                        r.getInt(14)));
            }
        }
        return rows;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double reading(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? Double.NaN : value;
    }
}
