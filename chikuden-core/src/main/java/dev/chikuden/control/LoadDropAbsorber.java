package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Lets grid power fall no faster than {@code maxDropKwPerS}: when a training job fails and the
 * site load collapses, the battery charges so the grid sees a ramp instead of a cliff, then hands
 * the drop over step by step. It remembers the grid power of the last applied step and allows at
 * most {@code battery <= net - (lastGrid - maxDropKwPerS * stepS)}; a rise passes untouched.
 * Any fall of grid power counts, whatever its cause (the grid cannot tell a lower layer's sudden
 * discharge from a lost load). When the battery cannot charge enough (full, or at its charge
 * limit) the window stops at its edge and the grid falls as far as the physics makes it.
 *
 * <p>In an outage there is no grid to protect: the layer steps aside and starts afresh from the
 * first step after the grid returns.
 */
public final class LoadDropAbsorber implements ControlLayer {
    private final double maxDropKwPerS;
    private double lastGridKw = Double.NaN;

    public LoadDropAbsorber(double maxDropKwPerS) {
        if (!(maxDropKwPerS > 0)) {
            throw new IllegalArgumentException("maxDropKwPerS must be > 0, was " + maxDropKwPerS);
        }
        this.maxDropKwPerS = maxDropKwPerS;
    }

    @Override
    public String name() {
        return "load-drop-absorber";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        if (!m.gridAvailable() || Double.isNaN(lastGridKw)) {
            return;
        }
        double lowestGridKw = lastGridKw - maxDropKwPerS * m.stepS();
        window.atMost(m.netLoadKw() - lowestGridKw);
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        lastGridKw = m.gridAvailable() ? m.netLoadKw() - batteryKw : Double.NaN;
    }
}
