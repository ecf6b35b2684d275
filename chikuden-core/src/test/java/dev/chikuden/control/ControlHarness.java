package dev.chikuden.control;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.time.HalfHourDemandMeter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Given a battery and a stack of controllers, when the site measures this, then the battery does
 * that: a small harness for controller tests. The battery is a real {@link BatterySystem}, so it
 * enforces its limits (unlike dummies that ignore them), and the clock keeps the 30-minute slot
 * accounts as the simulation engine does, so chains of controllers are tested as they run.
 */
final class ControlHarness {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Where every harness starts: 09:00 JST, a slot boundary. */
    static final long START_MS = Instant.parse("2025-07-01T00:00:00Z").toEpochMilli();

    final BatterySystem battery;
    final ControllerStack stack;
    private final Measurements m = new Measurements();
    private final HalfHourDemandMeter demand = new HalfHourDemandMeter(TOKYO);
    private double stepS = 1;
    private long epochMs = START_MS;
    private double frequencyHz = 60;
    private boolean gridAvailable = true;
    double lastBatteryKw;
    double lastGridKw;
    double lastRequestKw;

    private ControlHarness(BatteryParameters battery, List<ControlLayer> layers, double pcsRampKwPerS) {
        this.battery = new BatterySystem(battery);
        this.stack = new ControllerStack(layers, pcsRampKwPerS);
    }

    /** A lossless 1 MWh / 500 kW battery at {@code soc}, window 0..100 %, no auxiliaries. */
    static BatteryParameters battery(double soc) {
        return BatteryParameters.reservoir("test", 1000, 500, 500, 1, 1, 0, 1, soc, 0);
    }

    static ControlHarness given(BatteryParameters battery, ControlLayer... layers) {
        return new ControlHarness(battery, List.of(layers), Double.POSITIVE_INFINITY);
    }

    static ControlHarness given(BatteryParameters battery, double pcsRampKwPerS, ControlLayer... layers) {
        return new ControlHarness(battery, List.of(layers), pcsRampKwPerS);
    }

    ControlHarness stepSeconds(double s) {
        stepS = s;
        return this;
    }

    ControlHarness frequency(double hz) {
        frequencyHz = hz;
        return this;
    }

    /** Marks a grid outage (false) for the following steps, or its end (true). */
    ControlHarness gridAvailable(boolean available) {
        gridAvailable = available;
        return this;
    }

    /** Start of the next step, UTC milliseconds. */
    long nowMs() {
        return epochMs;
    }

    /** One step with this site load and PV; returns the battery power applied. */
    double when(double loadKw, double pvKw) {
        boolean sameSlot = epochMs < demand.slotEndEpochMs() && epochMs >= demand.slotStartEpochMs();
        m.update(
                        epochMs,
                        stepS,
                        loadKw,
                        pvKw,
                        frequencyHz,
                        sameSlot ? demand.slotStartEpochMs() : epochMs,
                        sameSlot ? demand.slotImportKwh() : 0)
                .gridAvailable(gridAvailable);
        lastRequestKw = stack.requestKw(m, battery);
        lastBatteryKw = battery.apply(lastRequestKw, stepS);
        stack.applied(lastBatteryKw, m);
        lastGridKw = loadKw - pvKw - lastBatteryKw;
        long stepMs = Math.round(stepS * 1000);
        demand.add(epochMs, stepMs, lastGridKw);
        epochMs += stepMs;
        return lastBatteryKw;
    }

    double when(double loadKw) {
        return when(loadKw, 0);
    }

    /** {@code n} steps of the same load; returns the last battery power. */
    double whenFor(int n, double loadKw) {
        double b = 0;
        for (int i = 0; i < n; i++) {
            b = when(loadKw, 0);
        }
        return b;
    }

    String binding() {
        return stack.lastBinding();
    }
}
