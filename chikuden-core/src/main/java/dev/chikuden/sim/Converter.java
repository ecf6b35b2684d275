package dev.chikuden.sim;

/**
 * A power converter following its command as a first-order lag with time constant {@code tau},
 * ramp-limited, advanced in fixed steps with the exact mean power over each step. The study's chain
 * ({@link ChainedControl}) and the digital twin's battery units share this one model, so the twin's
 * converter is the study's. No allocation per step.
 */
public final class Converter {
    private final double tauS;
    private final double rampKwPerS;
    private final double stepS;
    private final double follow;
    private final double meanShare;
    private double powerKw;
    private double otherSpanS = Double.NaN;
    private double otherFollow;
    private double otherMeanShare;

    /**
     * @param tauS       the lag's time constant, s (0: follows at once, ramp permitting)
     * @param rampKwPerS the ramp limit, kW/s (infinite: none)
     * @param stepS      the step, s
     */
    public Converter(double tauS, double rampKwPerS, double stepS) {
        if (!(tauS >= 0) || !(rampKwPerS > 0) || !(stepS > 0)) {
            throw new IllegalArgumentException("converter needs tau >= 0, ramp > 0 and step > 0, was tau " + tauS
                    + " s, ramp " + rampKwPerS + " kW/s, step " + stepS + " s");
        }
        this.tauS = tauS;
        this.rampKwPerS = rampKwPerS;
        this.stepS = stepS;
        this.follow = tauS == 0 ? 1 : -Math.expm1(-stepS / tauS);
        this.meanShare = tauS == 0 ? 0 : tauS / stepS * follow;
    }

    /** The converter's power now, at the end of the last step. */
    public double powerKw() {
        return powerKw;
    }

    /** The converter holds {@code kw}, steadily (a measured power after a gap). */
    public void reset(double kw) {
        powerKw = kw;
    }

    /** The battery delivered {@code deltaKw} more (or less) than the converter asked of it: the converter did too. */
    public void shift(double deltaKw) {
        powerKw += deltaKw;
    }

    /**
     * Moves the converter toward {@code commandKw} over one step and returns its mean power then,
     * exactly: where the first-order lag would change faster than the ramp limit (a gap wider than
     * ramp x time constant) the converter ramps straight until it is not, then follows the lag.
     */
    public double converge(double commandKw) {
        return converge(commandKw, stepS, follow, meanShare);
    }

    /** As {@link #converge(double)}, over {@code spanS} instead of the step. */
    public double converge(double commandKw, double spanS) {
        if (spanS == stepS) {
            return converge(commandKw, stepS, follow, meanShare);
        }
        if (spanS != otherSpanS) { // a chain's other span recurs too: its exponentials once per length
            otherFollow = tauS == 0 ? 1 : -Math.expm1(-spanS / tauS);
            otherMeanShare = tauS == 0 ? 0 : tauS / spanS * otherFollow;
            otherSpanS = spanS;
        }
        return converge(commandKw, spanS, otherFollow, otherMeanShare);
    }

    private double converge(double commandKw, double stepS, double follow, double meanShare) {
        double gap = powerKw - commandKw;
        double wide = Math.abs(gap) - rampKwPerS * tauS;
        if (!(wide > 0)) { // the ramp never binds (also an infinite ramp): the lag alone, precomputed
            double mean = commandKw + gap * meanShare;
            powerKw = commandKw + gap * (1 - follow);
            return mean;
        }
        double rampS = Math.min(stepS, wide / rampKwPerS);
        double start = powerKw;
        double end = start - Math.copySign(rampKwPerS * rampS, gap);
        double integral = (start + end) / 2 * rampS;
        double restS = stepS - rampS;
        if (restS > 0) {
            double g = end - commandKw;
            double e = tauS == 0 ? 0 : Math.exp(-restS / tauS);
            integral += commandKw * restS + g * tauS * (1 - e);
            end = commandKw + g * e;
        }
        powerKw = end;
        return integral / stepS;
    }
}
