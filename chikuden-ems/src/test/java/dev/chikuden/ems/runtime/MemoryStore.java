package dev.chikuden.ems.runtime;

import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.store.TelemetryPoint;
import dev.chikuden.ems.store.TelemetryStore;
import java.util.ArrayList;
import java.util.List;

/** Keeps every snapshot in memory; answers queries with the raw cycles in the range. */
final class MemoryStore implements TelemetryStore {
    final List<CycleSnapshot> rows = new ArrayList<>();
    boolean closed;

    @Override
    public synchronized void append(CycleSnapshot s) {
        rows.add(s);
    }

    @Override
    public synchronized long acknowledgedCycle() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).cycle();
    }

    @Override
    public synchronized List<TelemetryPoint> query(long fromEpochMs, long toEpochMs, int maxPoints) {
        List<TelemetryPoint> out = new ArrayList<>();
        for (CycleSnapshot s : rows) {
            if (s.epochMs() >= fromEpochMs && s.epochMs() <= toEpochMs && out.size() < maxPoints) {
                out.add(new TelemetryPoint(
                        s.epochMs(),
                        1000,
                        1,
                        s.gridKw(),
                        s.gridKw(),
                        s.gridKw(),
                        s.batteryKw(),
                        s.batteryKw(),
                        s.batteryKw(),
                        s.setpointKw(),
                        s.loadKw(),
                        s.soc(),
                        s.frequencyHz()));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
