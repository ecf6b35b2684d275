package dev.chikuden.ems.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.DeviceReading;
import dev.chikuden.ems.store.TelemetryPoint;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the HTTP API and the dashboard may see and do of the running service. Every answer is a
 * record, written as JSON by the API as it is: its component names are the field names.
 */
public interface EmsService {
    EmsState state();

    /** The last completed cycle, null before the first. */
    CycleSnapshot latest();

    CycleTiming timing();

    /** The fast loop, null when the service runs a single cycle (no fast layer, or a plant controller hosts them). */
    FastLoopStatus fastLoop();

    /** Active alarms first, then cleared ones, newest first. */
    List<Alarm> alarms(boolean includeCleared);

    /** The controller stack, highest priority first, the battery's own limits before it. */
    List<StackLayer> stack();

    /**
     * The service's configuration. Its JSON is what operators may see: the write token, the database
     * password and a password in the JDBC URL are never written (see {@link EmsConfig}).
     */
    EmsConfig config();

    /** Per device, the meter first: its address, how it answers, and what it last said. */
    List<DeviceStatus> devices();

    /** Holds the batteries at {@code kw} (site total, {@code > 0} discharge) until the expiry (UTC ms). */
    void setManualSetpoint(double kw, long expiresAtEpochMs);

    void clearManualSetpoint();

    /** The manual setpoint held, or null when none is (or it expired). */
    ManualSetpoint.Setpoint manualSetpoint();

    /** Telemetry from the store (see {@code TelemetryStore#query}). */
    List<TelemetryPoint> telemetry(long fromEpochMs, long toEpochMs, int maxPoints);

    /** The telemetry store's progress. */
    TelemetryStatus telemetryStatus();

    /** Called after every cycle, on the cycle's thread: listeners must not block. Returns a remover. */
    Runnable onCycle(Consumer<CycleSnapshot> listener);

    /**
     * One layer of the controller stack.
     *
     * @param name           the layer's name, as {@code CycleSnapshot#binding} gives it
     * @param type           its type as the site file writes it ({@code demand-limiter}), {@code battery-limits}
     *                       for the battery's own limits
     * @param settings       its settings: the site file's record of it ({@code StrategySpec}'s)
     * @param bindingShare   the share of cycles since start whose setpoint this layer decided
     * @param addedByService true for the manual layer the service put in (left out of the JSON when false)
     */
    record StackLayer(
            String name,
            String type,
            Record settings,
            double bindingShare,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean addedByService) {}

    /** The settings of the battery's own limits, the stack's first layer: the converter's ramp, infinite for none. */
    record BatteryLimits(double pcsRampKwPerS) {}

    /**
     * One device as the cycle sees it.
     *
     * @param kind              {@code meter} or {@code bess}
     * @param fresh             whether it answered with a usable reading this cycle
     * @param lastGoodAgeMs     how old its last usable reading is, null before the first
     * @param consecutiveMisses cycles in a row without a usable reading
     * @param problem           why the last reading was missing, null while it answers
     * @param lastValues        its last usable reading, null before the first
     */
    record DeviceStatus(
            String name,
            String kind,
            String address,
            boolean fresh,
            Long lastGoodAgeMs,
            int consecutiveMisses,
            String problem,
            DeviceReading lastValues) {}

    /**
     * @param acknowledgedCycle the newest cycle committed to the store; it survives a kill -9
     * @param droppedCycles     cycles never to be written (queue full or store unreachable)
     */
    record TelemetryStatus(long acknowledgedCycle, long droppedCycles) {}
}
