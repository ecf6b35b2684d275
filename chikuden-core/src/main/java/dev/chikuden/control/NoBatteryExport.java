package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Keeps stored energy from leaving the site (押し上げ): the battery discharges at most the site's
 * net load, so whatever is exported is PV. Japanese FIT surplus purchase pays its price only for PV
 * energy, and a battery that pushes stored energy out changes the price of everything the site
 * sells; a system under FIT must be set up so it cannot. Above every other layer, it applies until
 * {@code untilEpochMs} (the end of the FIT term, or forever).
 */
public final class NoBatteryExport implements ControlLayer {
    public static final String NAME = "no-battery-export";

    private final long untilEpochMs;

    /** @param untilEpochMs the first instant the battery may export again; {@link Long#MAX_VALUE} for never */
    public NoBatteryExport(long untilEpochMs) {
        this.untilEpochMs = untilEpochMs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        if (m.epochMs() >= untilEpochMs) {
            return;
        }
        double net = m.netLoadKw();
        if (net > 0) {
            window.atMostOnNet(net); // the grid at or above zero: a cap that follows the net load
        } else {
            window.atMost(0);
        }
    }
}
