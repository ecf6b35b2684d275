package dev.chikuden.ems.runtime;

import dev.chikuden.ems.runtime.Alarm;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.runtime.CycleTiming;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.store.TelemetryPoint;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What the HTTP API and the dashboard may see and do of the running service. */
public interface EmsService {
    EmsState state();

    /** The last completed cycle, null before the first. */
    CycleSnapshot latest();

    CycleTiming timing();

    /** Active alarms first, then cleared ones, newest first. */
    List<Alarm> alarms(boolean includeCleared);

    /** The controller stack, highest priority first: each layer's name, type, settings and binding share. */
    List<Map<String, Object>> stack();

    /** The service's configuration as operators may see it (no secrets). */
    Map<String, Object> config();

    /** Per device: name, kind, address, last good reading's age, stale or not, last values. */
    List<Map<String, Object>> devices();

    /** Holds the batteries at {@code kw} (site total, {@code > 0} discharge) until the expiry (UTC ms). */
    void setManualSetpoint(double kw, long expiresAtEpochMs);

    void clearManualSetpoint();

    /** The manual setpoint held, or null: {@code {"kw":..., "expiresAtEpochMs":...}}. */
    Map<String, Object> manualSetpoint();

    /** Telemetry from the store (see {@code TelemetryStore#query}). */
    List<TelemetryPoint> telemetry(long fromEpochMs, long toEpochMs, int maxPoints);

    /**
     * The telemetry store's progress: {@code acknowledgedCycle} (the newest cycle committed; it survives
     * a kill -9) and {@code droppedCycles} (never to be written); empty when there is no store.
     */
    default Map<String, Object> telemetryStatus() {
        return Map.of();
    }

    /** Called after every cycle, on the cycle's thread: listeners must not block. Returns a remover. */
    Runnable onCycle(Consumer<CycleSnapshot> listener);
}
