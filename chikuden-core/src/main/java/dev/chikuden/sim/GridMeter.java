package dev.chikuden.sim;

import dev.chikuden.time.TimeGrid;

/**
 * Streams the figures of a grid power series chunk by chunk: energy in and out, peak power and
 * the largest ramps. Ramps are measured over one second ({@code k = round(1 s / step)} steps) for
 * sub-second steps and over one step otherwise, divided by that window's length.
 */
final class GridMeter implements StepSink {
    private final double stepHours;
    private final double windowS;
    private final double[] ring;
    private int ringPos;
    private long seen;

    private double importedKwh;
    private double exportedKwh;
    private double peakKw = Double.NEGATIVE_INFINITY;
    private double rampUp;
    private double rampDown;
    private double socMin = Double.POSITIVE_INFINITY;
    private double socMax = Double.NEGATIVE_INFINITY;

    GridMeter(TimeGrid grid) {
        this.stepHours = grid.stepSeconds() / 3600.0;
        int k = grid.stepMs() >= 1000 ? 1 : (int) Math.max(1, Math.round(1000.0 / grid.stepMs()));
        this.windowS = k * grid.stepSeconds();
        this.ring = new double[k];
    }

    @Override
    public void accept(StepChunk c) {
        double[] g = c.gridKw;
        double[] soc = c.soc;
        int k = ring.length;
        for (int i = 0; i < c.count; i++) {
            double kw = g[i];
            if (kw > 0) {
                importedKwh += kw * stepHours;
            } else {
                exportedKwh -= kw * stepHours;
            }
            if (kw > peakKw) {
                peakKw = kw;
            }
            if (seen >= k) {
                double ramp = (kw - ring[ringPos]) / windowS;
                if (ramp > rampUp) {
                    rampUp = ramp;
                } else if (-ramp > rampDown) {
                    rampDown = -ramp;
                }
            }
            ring[ringPos] = kw;
            ringPos = ringPos + 1 == k ? 0 : ringPos + 1;
            seen++;
            double s = soc[i];
            if (s < socMin) {
                socMin = s;
            }
            if (s > socMax) {
                socMax = s;
            }
        }
    }

    GridKpis kpis(double peakDemandKw, long peakDemandSlotEpochMs) {
        return new GridKpis(
                importedKwh,
                exportedKwh,
                peakDemandKw,
                peakDemandSlotEpochMs,
                seen == 0 ? Double.NaN : peakKw,
                rampUp,
                rampDown);
    }

    /** Lowest SOC at the end of any step, NaN without a battery. */
    double socMin() {
        return socMin == Double.POSITIVE_INFINITY ? Double.NaN : socMin;
    }

    double socMax() {
        return socMax == Double.NEGATIVE_INFINITY ? Double.NaN : socMax;
    }
}
