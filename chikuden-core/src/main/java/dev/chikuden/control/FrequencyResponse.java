package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Primary reserve (EPRX primary, governor-free-like droop): outside the dead band the battery
 * delivers {@code -(f - nominal -/+ deadband) / (droop * nominal) * reservedKw}, limited to
 * {@code +/- reservedKw}; under-frequency discharges, over-frequency charges.
 *
 * <p>Dead band: the response is measured from the edge of the band, not from the nominal
 * frequency (the usual practice), so it rises from zero without a step where the band ends. A full
 * {@code reservedKw} is reached at {@code deadband + droop * nominal} from nominal.
 *
 * <p>Outside the band it pins the window to the response ({@code narrow(p, p)}): lower layers
 * cannot cancel a committed reserve, higher (safety) layers still cut it. Inside the band, without
 * a frequency reading, or in a grid outage (an island's frequency is not the grid's to support) it
 * does nothing.
 */
public final class FrequencyResponse implements ControlLayer {
    private final double nominalHz;
    private final double deadbandHz;
    private final double droop;
    private final double reservedKw;

    /**
     * @param droop per unit, e.g. 0.05 for 5 %: the frequency deviation (share of nominal) beyond
     *              the dead band that calls the whole reserve
     */
    public FrequencyResponse(double nominalHz, double deadbandHz, double droop, double reservedKw) {
        if (!(nominalHz > 0) || Double.isInfinite(nominalHz)) {
            throw new IllegalArgumentException("nominalHz must be finite and > 0, was " + nominalHz);
        }
        if (!(deadbandHz >= 0)) {
            throw new IllegalArgumentException("deadbandHz must be >= 0, was " + deadbandHz);
        }
        if (!(droop > 0) || Double.isInfinite(droop)) {
            throw new IllegalArgumentException("droop must be finite and > 0, was " + droop);
        }
        if (!(reservedKw >= 0) || Double.isInfinite(reservedKw)) {
            throw new IllegalArgumentException("reservedKw must be finite and >= 0, was " + reservedKw);
        }
        this.nominalHz = nominalHz;
        this.deadbandHz = deadbandHz;
        this.droop = droop;
        this.reservedKw = reservedKw;
    }

    /** Acts on sub-second signals: the plant's fast loop by default. */
    @Override
    public ControlLoop loop() {
        return ControlLoop.FAST;
    }

    @Override
    public String name() {
        return "frequency-response";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        double deviationHz = m.gridFrequencyHz() - nominalHz;
        if (!m.gridAvailable() || !(Math.abs(deviationHz) > deadbandHz)) {
            return; // also a NaN reading
        }
        double beyondHz = deviationHz - Math.signum(deviationHz) * deadbandHz;
        double kw = -beyondHz / (droop * nominalHz) * reservedKw;
        kw = Math.max(-reservedKw, Math.min(reservedKw, kw));
        window.narrow(kw, kw);
    }
}
