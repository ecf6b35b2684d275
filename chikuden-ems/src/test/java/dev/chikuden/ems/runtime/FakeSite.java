package dev.chikuden.ems.runtime;

import dev.chikuden.battery.BatteryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * A site of in-process devices that respect the physics, on a {@link ManualClock}: each battery is a
 * chikuden-core {@code BatterySystem} that delivers its setpoint within its own limits and SOC window
 * between two looks at the clock, and the meter sees {@code grid = load - battery} and counts the
 * imported energy. Every device reads the same settled state, so the readings of one cycle agree.
 */
final class FakeSite {
    final ManualClock clock;
    final List<FakeBess> units = new ArrayList<>();
    final FakeMeter meter;
    private final LongToDoubleFunction loadKw;
    private long settledMs;

    /**
     * @param loadKw the site load at an instant (UTC ms)
     * @param stepS  the step the units' reported limits are for (the cycle)
     */
    FakeSite(ManualClock clock, LongToDoubleFunction loadKw, double stepS, List<BatteryParameters> batteries) {
        this.clock = clock;
        this.loadKw = loadKw;
        this.settledMs = clock.epochMs();
        for (int i = 0; i < batteries.size(); i++) {
            units.add(new FakeBess(this, batteries.get(i), "127.0.0.1:1502 unit " + (i + 1), stepS));
        }
        this.meter = new FakeMeter(this);
    }

    /** Brings the physics up to the clock: over the time since the last look, each unit delivered its setpoint. */
    synchronized void settle() {
        long now = clock.epochMs();
        if (now <= settledMs) {
            return;
        }
        double dtS = (now - settledMs) / 1000.0;
        double batteryKw = 0;
        for (FakeBess u : units) {
            batteryKw += u.advance(dtS);
        }
        meter.count(loadKw.applyAsDouble(settledMs) - batteryKw, dtS);
        settledMs = now;
    }

    double loadKw() {
        return loadKw.applyAsDouble(clock.epochMs());
    }

    /** Grid power now: the load now less what the units deliver. */
    synchronized double gridKw() {
        double batteryKw = 0;
        for (FakeBess u : units) {
            batteryKw += u.powerKw();
        }
        return loadKw() - batteryKw;
    }
}
