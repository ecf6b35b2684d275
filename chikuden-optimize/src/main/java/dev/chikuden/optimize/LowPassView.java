package dev.chikuden.optimize;

import dev.chikuden.battery.BatteryView;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;

/**
 * A layer that sees the site's load through a first-order low-pass filter of time constant
 * {@code tauS}, everything else as measured. A demand limiter projects the present net load over
 * the rest of its slot: fed an AI campus's second-to-second swings it chases each one with the
 * battery (and the schedule below pays the energy back), cycling tens of MWh a week for a 30-minute
 * average it would have met anyway. Filtered, it still meets the slot's energy (its allowance counts
 * what was really imported) to within the swings of the last few time constants.
 */
final class LowPassView implements ControlLayer {
    private final ControlLayer inner;
    private final double tauS;
    private final Measurements view = new Measurements();
    private double loadKw = Double.NaN;

    LowPassView(ControlLayer inner, double tauS) {
        this.inner = inner;
        this.tauS = tauS;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        loadKw = Double.isNaN(loadKw) ? m.loadKw() : loadKw + Math.min(1, m.stepS() / tauS) * (m.loadKw() - loadKw);
        view.update(
                m.epochMs(), m.stepS(), loadKw, m.pvKw(), m.gridFrequencyHz(), m.slotStartEpochMs(), m.slotImportKwh());
        inner.control(view, battery, window);
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        inner.applied(batteryKw, m);
    }
}
