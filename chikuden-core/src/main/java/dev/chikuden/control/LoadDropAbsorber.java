package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Lets grid power fall no faster than {@code maxDropKwPerS}: when a training job fails and the
 * site load collapses, the battery charges so the grid sees a ramp instead of a cliff, then hands
 * the drop over step by step. It keeps a reference grid power and allows at most
 * {@code battery <= net - (reference - maxDropKwPerS * stepS)}; a rise passes untouched. The
 * reference follows the grid down at once and up no faster than {@code maxDropKwPerS}: a spike the
 * converter could not follow (a load step while it ramps) is not a level the grid must then be held
 * at, while a load that rose and stayed is protected within seconds.
 * Any fall of grid power counts, whatever its cause (the grid cannot tell a lower layer's sudden
 * discharge from a lost load). When the battery cannot charge enough (full, or at its charge
 * limit) the window stops at its edge and the grid falls as far as the physics makes it.
 *
 * <p>In an outage there is no grid to protect: the layer steps aside and starts afresh from the
 * first step after the grid returns.
 */
public final class LoadDropAbsorber implements ControlLayer {
    private final double maxDropKwPerS;
    private double referenceKw = Double.NaN;

    public LoadDropAbsorber(double maxDropKwPerS) {
        if (!(maxDropKwPerS > 0)) {
            throw new IllegalArgumentException("maxDropKwPerS must be > 0, was " + maxDropKwPerS);
        }
        this.maxDropKwPerS = maxDropKwPerS;
    }

    /** Acts on sub-second signals: the plant's fast loop by default. */
    @Override
    public ControlLoop loop() {
        return ControlLoop.FAST;
    }

    @Override
    public String name() {
        return "load-drop-absorber";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        if (!m.gridAvailable() || Double.isNaN(referenceKw)) {
            return;
        }
        double lowestGridKw = referenceKw - maxDropKwPerS * m.stepS();
        window.atMostOnNet(m.netLoadKw() - lowestGridKw);
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        double gridKw = m.netLoadKw() - batteryKw;
        if (!m.gridAvailable()) {
            referenceKw = Double.NaN;
        } else if (Double.isNaN(referenceKw) || !(gridKw > referenceKw)) {
            referenceKw = gridKw;
        } else {
            referenceKw = Math.min(gridKw, referenceKw + maxDropKwPerS * m.stepS());
        }
    }
}
