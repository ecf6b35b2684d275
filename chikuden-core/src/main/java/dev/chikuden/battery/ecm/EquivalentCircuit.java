package dev.chikuden.battery.ecm;

import java.util.Arrays;

/**
 * The voltage side of a battery pack: a Thevenin equivalent circuit (OCV, series resistance R0 and
 * up to two RC pairs) that turns the DC power at the pack terminals into current, terminal voltage
 * and the chemical power that leaves the store. Meant for sub-second studies, called from a
 * battery's step function, which keeps the SOC and the converter:
 * <pre>
 *   double dcKw = Math.max(-ecm.maxChargeDcKw(soc, stepS), Math.min(requestDcKw, ecm.maxDischargeDcKw(soc, stepS)));
 *   double chemicalKw = ecm.step(dcKw, soc, stepS); // stored energy moves by chemicalKw * stepS / 3600
 * </pre>
 * Pack quantities throughout: volts, amperes, kW; current and power {@code > 0} discharge; an RC
 * voltage is {@code > 0} after discharge. The OCV is taken at the SOC of the start of the step.
 *
 * <p>Discretisation: the current is constant over a step, so each RC voltage follows its exact
 * exponential, {@code v' = v e^(-dt/tau) + I R (1 - e^(-dt/tau))}, whatever the step length. The
 * current is the one whose mean terminal power over the step is the requested power: with the RC
 * voltages averaged over the step, {@code P = I (Veff - I Reff)}, a quadratic whose root of smaller
 * |I| is the physical one, so the terminal energy of a step is exactly {@code P dt}.
 *
 * <p>Energy: {@code chemical = terminal + loss + d(RC energy)/dt} exactly, with the loss (heat in
 * R0 and the RC resistors) never negative. The RC capacitors hold a little energy (about
 * 0.02 % of the pack's energy at 0.5C with the LFP preset), so in a step where a polarised pair
 * gives energy back, {@code chemical - terminal} can be slightly negative; summed from rest it
 * never is.
 *
 * <p>State is a few doubles; a step allocates nothing. Factors that depend only on the step length
 * are cached for the last length used (a study keeps it fixed).
 */
public final class EquivalentCircuit {
    private static final double W_PER_KW = 1000;
    private static final double J_PER_KWH = 3.6e6;
    private static final int PAIRS = 2;

    private final EquivalentCircuitParameters p;
    private final double r0;
    private final double[] r = new double[PAIRS];
    private final double[] c = new double[PAIRS];
    private final double[] tau = new double[PAIRS];
    private final double[] v = new double[PAIRS];

    private double cachedStepS = Double.NaN;
    private final double[] decay = new double[PAIRS]; // e^(-dt/tau)
    private final double[] rise = new double[PAIRS]; // 1 - e^(-dt/tau)
    private final double[] meanDecay = new double[PAIRS]; // mean of e^(-t/tau) over the step
    private final double[] rise2 = new double[PAIRS]; // 1 - e^(-2 dt/tau)
    private double reff;

    private double currentA;
    private double terminalV = Double.NaN;
    private double lossKw;

    public EquivalentCircuit(EquivalentCircuitParameters parameters) {
        this.p = parameters;
        this.r0 = parameters.packOhm(parameters.r0Ohm());
        setPair(0, parameters.r1Ohm(), parameters.c1Farad());
        setPair(1, parameters.r2Ohm(), parameters.c2Farad());
    }

    private void setPair(int k, double cellOhm, double cellFarad) {
        if (cellOhm > 0) {
            r[k] = p.packOhm(cellOhm);
            c[k] = p.packFarad(cellFarad);
            tau[k] = cellOhm * cellFarad;
        }
    }

    public EquivalentCircuitParameters parameters() {
        return p;
    }

    /**
     * Holds {@code terminalDcKw} ({@code > 0} discharge) at the pack terminals for {@code stepS}
     * seconds, advances the RC voltages and returns the chemical power that left the store,
     * OCV times current (kW, {@code > 0} discharge). It does not enforce the voltage limits:
     * clamp the power to {@link #maxDischargeDcKw} and {@link #maxChargeDcKw} first.
     *
     * @throws IllegalArgumentException when the discharge power exceeds the maximum transferable
     *         power in this state ({@code Veff^2 / (4 Reff)}): the quadratic has no real root.
     *         {@link #maxDischargeDcKw} never exceeds it.
     */
    public double step(double terminalDcKw, double soc, double stepS) {
        prepare(stepS);
        double ocv = p.packOcv(soc);
        double powerW = terminalDcKw * W_PER_KW;
        if (powerW == 0) {
            return advance(0, ocv, stepS);
        }
        double veff = sourceV(ocv);
        double disc = veff * veff - 4 * reff * powerW;
        // a discriminant a few roundings below 0 is a request at exactly the maximum power
        if (powerW > 0 && (veff <= 0 || disc < -1e-12 * veff * veff)) {
            double maxKw = veff > 0 ? veff * veff / (4 * reff) / W_PER_KW : 0;
            throw new IllegalArgumentException(String.format(
                    "discharge of %.6g kW exceeds the maximum transferable power of %.6g kW in this state",
                    terminalDcKw, maxKw));
        }
        // the root of smaller |I|, in the form that does not cancel
        return advance(2 * powerW / (veff + Math.sqrt(Math.max(0, disc))), ocv, stepS);
    }

    /** Drives {@code current} (A, pack, {@code > 0} discharge) for the step; returns the chemical power (kW). */
    double stepCurrent(double current, double soc, double stepS) {
        prepare(stepS);
        return advance(current, p.packOcv(soc), stepS);
    }

    private double advance(double current, double ocv, double stepS) {
        double dissipatedJ = current * current * r0 * stepS;
        double rcV = 0;
        for (int k = 0; k < PAIRS; k++) {
            // heat in the pair's resistor: the integral of v(t)^2 / R for v(t) = I R + a e^(-t/tau)
            double a = v[k] - current * r[k];
            dissipatedJ += current * current * r[k] * stepS
                    + 2 * current * a * tau[k] * rise[k]
                    + 0.5 * a * a * c[k] * rise2[k];
            v[k] = v[k] * decay[k] + current * r[k] * rise[k];
            rcV += v[k];
        }
        currentA = current;
        terminalV = ocv - current * r0 - rcV;
        // the integral of a square; the max only removes rounding below zero
        lossKw = Math.max(0, dissipatedJ) / stepS / W_PER_KW;
        return ocv * current / W_PER_KW;
    }

    /**
     * Largest discharge power (kW, at the terminals) over a step of {@code stepS} from the present
     * state for which the terminal voltage stays at or above the pack's vMin at every instant of
     * the step, and never more than the maximum transferable power.
     *
     * <p>The RC response during the step is included, conservatively: each pair moves
     * exponentially, hence monotonically, so it is taken at its worse end of the step. The bound is
     * exact (the voltage reaches vMin at the start or the end of the step) when the two pairs move
     * the same way, as they do from rest or in sustained discharge; when they move in opposite
     * directions (after a reversal) the true minimum stays a little above vMin.
     */
    public double maxDischargeDcKw(double soc, double stepS) {
        prepare(stepS);
        double ocv = p.packOcv(soc);
        double veff = sourceV(ocv);
        // beyond veff / (2 Reff) more current gives less power: the maximum transferable power
        double limitA = Math.min(currentLimit(ocv - p.packVMin(), 1), veff / (2 * reff));
        return limitA > 0 ? limitA * (veff - limitA * reff) / W_PER_KW : 0;
    }

    /**
     * Largest charge power (kW, positive, at the terminals) over a step of {@code stepS} for which
     * the terminal voltage stays at or below the pack's vMax at every instant of the step; the same
     * conservative treatment of the RC pairs as {@link #maxDischargeDcKw}.
     */
    public double maxChargeDcKw(double soc, double stepS) {
        prepare(stepS);
        double ocv = p.packOcv(soc);
        double limitA = currentLimit(p.packVMax() - ocv, -1);
        return Math.max(0, limitA * (sourceV(ocv) + limitA * reff) / W_PER_KW);
    }

    /**
     * Largest current magnitude (A) in direction {@code sign} (+1 discharge, -1 charge) for which
     * the voltage across R0 and the pairs, {@code sign * (I R0 + sum v(t))}, stays within
     * {@code headroomV} at every instant. Each pair is bounded by its worse end, so the bound is the
     * largest of the start/end combinations, each linear in the current: the limit is the smallest
     * of their roots.
     */
    private double currentLimit(double headroomV, double sign) {
        double limit = Double.POSITIVE_INFINITY;
        for (int ends = 0; ends < 1 << PAIRS; ends++) { // bit k set: pair k taken at the end of the step
            double offsetV = 0;
            double slopeOhm = r0;
            for (int k = 0; k < PAIRS; k++) {
                if ((ends >> k & 1) == 0) {
                    offsetV += sign * v[k];
                } else {
                    offsetV += sign * v[k] * decay[k];
                    slopeOhm += r[k] * rise[k];
                }
            }
            limit = Math.min(limit, (headroomV - offsetV) / slopeOhm);
        }
        return Math.max(0, limit);
    }

    /** OCV less the RC voltages' free response averaged over the step (V). */
    private double sourceV(double ocv) {
        double s = ocv;
        for (int k = 0; k < PAIRS; k++) {
            s -= v[k] * meanDecay[k];
        }
        return s;
    }

    private void prepare(double stepS) {
        if (stepS == cachedStepS) {
            return;
        }
        if (!(stepS > 0 && Double.isFinite(stepS))) {
            throw new IllegalArgumentException("step must be positive and finite, got " + stepS + " s");
        }
        reff = r0;
        for (int k = 0; k < PAIRS; k++) {
            if (tau[k] > 0) {
                double x = stepS / tau[k];
                decay[k] = Math.exp(-x);
                rise[k] = -Math.expm1(-x);
                meanDecay[k] = rise[k] / x;
                rise2[k] = -Math.expm1(-2 * x);
            } else { // an absent pair never moves from 0
                decay[k] = 1;
                rise[k] = 0;
                meanDecay[k] = 1;
                rise2[k] = 0;
            }
            // the step's own current raises the pair's mean voltage by I R (1 - meanDecay)
            reff += r[k] * (1 - meanDecay[k]);
        }
        cachedStepS = stepS;
    }

    /** Back to rest: RC voltages and current zero, terminal voltage unknown until the next step. */
    public void reset() {
        Arrays.fill(v, 0);
        currentA = 0;
        terminalV = Double.NaN;
        lossKw = 0;
    }

    /** Pack terminal voltage (V) at the end of the last step; NaN before the first. */
    public double terminalVoltage() {
        return terminalV;
    }

    /** Pack current (A, {@code > 0} discharge) of the last step. */
    public double currentA() {
        return currentA;
    }

    /** Pack voltage (V) of the first RC pair, {@code > 0} after discharge; 0 when absent. */
    public double rcVoltage1() {
        return v[0];
    }

    /** Pack voltage (V) of the second RC pair; 0 when absent. */
    public double rcVoltage2() {
        return v[1];
    }

    /** Heat in R0 and the RC resistors, mean over the last step (kW, never negative). */
    public double lossKw() {
        return lossKw;
    }

    /** Energy held in the RC capacitors (kWh), zero at rest. */
    public double rcEnergyKwh() {
        return 0.5 * (c[0] * v[0] * v[0] + c[1] * v[1] * v[1]) / J_PER_KWH;
    }
}
