package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Keeps grid power close to a smooth target, so the grid sees neither the sub-second swings of
 * AI training (mostly 0.2-3 Hz) nor fast ramps.
 *
 * <p>The target is built in two stages, each step:
 * <ol>
 *   <li>a first-order low-pass filter with time constant {@code filterSeconds} follows the net
 *       load ({@code 1 - exp(-stepS / filterSeconds)} of the gap per step, exact for a load held
 *       over the step, stable for any step). At 60 s the corner is 2.7 mHz, so a 0.1 Hz swing
 *       reaches the target at under 3 % of its size, and 0.2-20 Hz less;</li>
 *   <li>the target follows the filter but moves by at most {@code maxRampKwPerS * stepS}, so no
 *       load step, and no bias below, makes the grid ramp faster than that.</li>
 * </ol>
 * The layer narrows the battery window so that the grid stays within target ± {@code toleranceKw}
 * ({@code battery in [net - target - tol, net - target + tol]}) and prefers {@code net - target};
 * layers below may choose inside the tolerance. Where the battery cannot follow (empty, full,
 * at a power limit), the window stops at its edge and the grid takes the rest.
 *
 * <p>State of charge: the swings are zero-mean, but filter lag and losses make the SOC drift.
 * When it leaves {@code [socTarget - socBand, socTarget + socBand]} the layer recovers it: the
 * filter's input becomes the net load minus a bias {@code (soc - socTarget) * capacity /
 * socRecoveryHours}, the power that would return the stored energy to {@code socTarget} over that
 * time. Too full: the bias is positive, the grid target lower, the battery discharges; too empty:
 * the reverse. Recovery goes on until the SOC reaches {@code socTarget} (not merely the band edge,
 * which would make it chatter there); its size shrinks as the SOC nears the target. The bias passes
 * through the filter and the ramp limiter, so switching it on moves the grid over
 * {@code filterSeconds} rather than at once, which keeps it inside a dynamic-range rule measured
 * against a one-minute mean.
 *
 * <p>The first step sets filter and target to the net load. The state advances in {@link #applied}
 * only, from what {@code control} computed for that step, so a request that is never applied
 * (a probe) leaves the filter as it was. In an outage there is no grid to smooth: the layer steps
 * aside and starts afresh when the grid returns.
 */
public final class GridCodeSmoothing implements ControlLayer {
    private final double maxRampKwPerS;
    private final double toleranceKw;
    private final double filterSeconds;
    private final double socTarget;
    private final double socBand;
    private final double socRecoveryHours;

    private double filterKw = Double.NaN;
    private double targetKw = Double.NaN;
    private int recovering; // +1 too full, -1 too empty, 0 in balance
    // computed by control, committed by applied
    private boolean pending;
    private double nextFilterKw;
    private double nextTargetKw;
    private int nextRecovering;
    // the filter gain for the last step length (steps rarely change)
    private double gainStepS = Double.NaN;
    private double gain;

    public GridCodeSmoothing(
            double maxRampKwPerS,
            double toleranceKw,
            double filterSeconds,
            double socTarget,
            double socBand,
            double socRecoveryHours) {
        require(maxRampKwPerS > 0, "maxRampKwPerS must be > 0", maxRampKwPerS);
        require(
                toleranceKw >= 0 && toleranceKw < Double.POSITIVE_INFINITY,
                "toleranceKw must be finite and >= 0",
                toleranceKw);
        require(
                filterSeconds > 0 && filterSeconds < Double.POSITIVE_INFINITY,
                "filterSeconds must be finite and > 0",
                filterSeconds);
        require(socTarget >= 0 && socTarget <= 1, "socTarget must be within 0..1", socTarget);
        require(socBand >= 0 && socBand <= 1, "socBand must be within 0..1", socBand);
        require(socRecoveryHours > 0, "socRecoveryHours must be > 0", socRecoveryHours);
        this.maxRampKwPerS = maxRampKwPerS;
        this.toleranceKw = toleranceKw;
        this.filterSeconds = filterSeconds;
        this.socTarget = socTarget;
        this.socBand = socBand;
        this.socRecoveryHours = socRecoveryHours;
    }

    private static void require(boolean ok, String message, double value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", was " + value);
        }
    }

    /** Acts on sub-second signals: the plant's fast loop by default. */
    @Override
    public ControlLoop loop() {
        return ControlLoop.FAST;
    }

    @Override
    public String name() {
        return "grid-code-smoothing";
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        pending = false;
        if (!m.gridAvailable()) {
            return;
        }
        double net = m.netLoadKw();
        double stepS = m.stepS();
        double soc = battery.soc();
        double gap = soc - socTarget;
        int rec = recovering;
        if (Double.isNaN(soc)) {
            rec = 0;
        } else if (rec == 0 && Math.abs(gap) > socBand) {
            rec = gap > 0 ? 1 : -1;
        } else if (rec != 0 && gap * rec <= 0) {
            rec = 0;
        }
        double f;
        double t;
        if (Double.isNaN(targetKw)) {
            f = net;
            t = net;
        } else {
            double biasKw = rec == 0 ? 0 : gap * battery.capacityKwh() / socRecoveryHours;
            f = filterKw + gain(stepS) * (net - biasKw - filterKw);
            double reach = maxRampKwPerS * stepS;
            t = targetKw + Math.max(-reach, Math.min(reach, f - targetKw));
        }
        nextFilterKw = f;
        nextTargetKw = t;
        nextRecovering = rec;
        pending = true;
        window.narrowOnNet(net - t - toleranceKw, net - t + toleranceKw);
        window.preferOnNet(net - t);
    }

    private double gain(double stepS) {
        if (stepS != gainStepS) {
            gainStepS = stepS;
            gain = -Math.expm1(-stepS / filterSeconds);
        }
        return gain;
    }

    @Override
    public void applied(double batteryKw, Measurements m) {
        if (!m.gridAvailable()) {
            filterKw = Double.NaN;
            targetKw = Double.NaN;
            recovering = 0;
        } else if (pending) {
            filterKw = nextFilterKw;
            targetKw = nextTargetKw;
            recovering = nextRecovering;
        }
        pending = false;
    }

    /** The grid power aimed at in the last applied step (NaN before the first). */
    public double targetKw() {
        return targetKw;
    }
}
