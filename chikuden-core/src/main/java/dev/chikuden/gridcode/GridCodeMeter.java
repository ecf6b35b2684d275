package dev.chikuden.gridcode;

import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.HalfHourDemandMeter;
import dev.chikuden.time.TimeGrid;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the grid-code metrics of grid power as a simulation streams it (attach one per case),
 * or of a whole series ({@link #of}). Memory is bounded by the windows and the Welch segment, plus
 * the 30-minute demand series (48 values a day); the work per sample is a few ring-buffer
 * updates and, every half segment, one FFT. Nothing is allocated per sample.
 */
public final class GridCodeMeter implements StepSink {
    private final TimeGrid grid;
    private final GridCodeRules rules;
    private final RampTracker perSecond;
    private final RampTracker perMinute;
    private final RampBins rampBins = new RampBins();
    private final RollingDeviation deviation;
    private final LoadDropDetector drops;
    private final WelchSpectrum spectrum;
    private final HalfHourDemandMeter demand;
    private double[] slotsKw = new double[64];
    /** The per-second ramps of the steps being added, for the histogram. */
    private double[] rampsKwPerS = new double[0];

    private int slots;
    private long firstSlotEpochMs;
    private long step;
    private double peakKw = Double.NEGATIVE_INFINITY;
    private boolean finished;

    /** For a run on {@code grid}; its step count sizes the spectrum (at least four segments). */
    public GridCodeMeter(TimeGrid grid, GridCodeRules rules) {
        this.grid = grid;
        this.rules = rules;
        double stepS = grid.stepSeconds();
        GridCodeSettings s = rules.settings();
        this.perSecond = new RampTracker(stepS, 1);
        this.perMinute = new RampTracker(stepS, 60);
        this.deviation = new RollingDeviation(stepS, s.dynamicRangeWindowS());
        this.drops = new LoadDropDetector(stepS, s.loadDropWithinS(), s.loadDropKw());
        this.spectrum = new WelchSpectrum(stepS, s.bandLowHz(), grid.steps());
        this.demand = new HalfHourDemandMeter(grid.zone(), this::slot);
    }

    /** All metrics and verdicts of a whole series, its 30-minute slots aligned in {@code zone}. */
    public static GridCodeReport of(FixedStepSeries gridKw, ZoneId zone, GridCodeRules rules) {
        GridCodeMeter meter =
                new GridCodeMeter(new TimeGrid(gridKw.startEpochMs(), gridKw.stepMs(), gridKw.size(), zone), rules);
        double[] buffer = new double[8192];
        for (int from = 0; from < gridKw.size(); from += buffer.length) {
            int n = Math.min(buffer.length, gridKw.size() - from);
            gridKw.copyTo(from, buffer, 0, n);
            meter.add(buffer, 0, n);
        }
        return meter.report();
    }

    @Override
    public void accept(StepChunk chunk) {
        add(chunk.gridKw, 0, chunk.count());
    }

    /**
     * Adds the next {@code count} steps of grid power, kW, from {@code gridKw[from...]}. Each metric
     * takes the whole run of steps in its own loop: the same sums in the same order as step by step.
     */
    public void add(double[] gridKw, int from, int count) {
        if (finished) {
            throw new IllegalStateException("the meter has reported; it takes no more steps");
        }
        if (rampsKwPerS.length < count) {
            rampsKwPerS = new double[count];
        }
        double peak = peakKw;
        for (int i = from; i < from + count; i++) {
            if (gridKw[i] > peak) {
                peak = gridKw[i];
            }
        }
        peakKw = peak;
        perSecond.add(gridKw, from, count, rampsKwPerS);
        rampBins.add(rampsKwPerS, count);
        perMinute.add(gridKw, from, count, null);
        deviation.add(gridKw, from, count);
        drops.add(step, gridKw, from, count);
        spectrum.add(gridKw, from, count);
        demand.addSteps(grid.epochMsAt(step), grid.stepMs(), gridKw, from, count);
        step += count;
    }

    private void slot(long slotStartEpochMs, double demandKw, double coveredSeconds) {
        if (slots == 0) {
            firstSlotEpochMs = slotStartEpochMs;
        }
        if (slots == slotsKw.length) {
            slotsKw = Arrays.copyOf(slotsKw, slots * 2);
        }
        slotsKw[slots++] = demandKw;
    }

    /** The metrics so far and the rules' verdicts; closes the last half-hour slot, so call once at the end. */
    public GridCodeReport report() {
        if (!finished) {
            demand.finish();
            finished = true;
        }
        GridCodeMetrics m = metrics();
        return new GridCodeReport(m, rules.judge(m));
    }

    private GridCodeMetrics metrics() {
        List<String> notes = new ArrayList<>();
        GridCodeSettings s = rules.settings();
        double stepS = grid.stepSeconds();
        double nyquist = spectrum.nyquistHz();
        double low = s.bandLowHz();
        double high = Math.min(s.bandHighHz(), nyquist);
        double share = Double.NaN;
        double bandRms = Double.NaN;
        double dominant = Double.NaN;
        if (s.bandHighHz() > nyquist && low < nyquist) {
            notes.add(String.format(
                    Locale.ROOT,
                    "the band %s-%s Hz is clipped to %s Hz, the Nyquist frequency of " + "a %s s step",
                    num(low),
                    num(s.bandHighHz()),
                    num(nyquist),
                    num(stepS)));
        }
        if (spectrum.segments() == 0) {
            notes.add("the trace has " + step + " samples, fewer than one spectrum segment of "
                    + spectrum.segmentLength() + ": no spectrum");
        } else {
            double[] p = spectrum.binPowers();
            double df = spectrum.binWidthHz();
            double total = 0;
            double band = 0;
            int strongest = 0;
            for (int k = 1; k < p.length; k++) {
                total += p[k];
                double f = k * df;
                if (f >= low && f <= high) {
                    band += p[k];
                }
                if (strongest == 0 || p[k] > p[strongest]) {
                    strongest = k;
                }
            }
            // rounding leaves ~1e-30 of "oscillation" in a flat trace: nothing oscillates
            boolean flat = total <= 1e-20 * Math.max(1, peakKw * peakKw);
            dominant = flat ? Double.NaN : strongest * df;
            if (low >= nyquist) {
                notes.add(String.format(
                        Locale.ROOT,
                        "a %s s step sees frequencies up to %s Hz only, below the band "
                                + "%s-%s Hz: the band's share cannot be measured",
                        num(stepS),
                        num(nyquist),
                        num(low),
                        num(s.bandHighHz())));
            } else {
                share = flat ? 0 : band / total;
                bandRms = flat ? 0 : Math.sqrt(band);
            }
            if (WelchSpectrum.segmentLength(stepS, low, -1) > spectrum.segmentLength()) {
                notes.add(String.format(
                        Locale.ROOT,
                        "the trace is short: spectrum segments of %s s (bins of %s Hz) "
                                + "resolve the band's lower edge of %s Hz coarsely",
                        num(spectrum.segmentLength() * stepS),
                        num(df),
                        num(low)));
            }
        }
        if (deviation.windowSteps() < 2) {
            notes.add(String.format(
                    Locale.ROOT,
                    "the dynamic-range window of %s s is not longer than the %s s step: "
                            + "no deviation from its mean can be seen",
                    num(s.dynamicRangeWindowS()),
                    num(stepS)));
        }
        long[] dropSteps = drops.firstEventSteps();
        List<Long> dropTimes = new ArrayList<>();
        for (long d : dropSteps) {
            dropTimes.add(grid.epochMsAt(d));
        }
        boolean any = step > 0;
        return new GridCodeMetrics(
                step,
                stepS,
                any ? peakKw : Double.NaN,
                perSecond.maxUpKwPerS(),
                perSecond.maxDownKwPerS(),
                perSecond.windowSeconds(),
                perMinute.maxUpKwPerS() * 60,
                perMinute.maxDownKwPerS() * 60,
                perMinute.windowSeconds(),
                deviation.maxDeviationKw(),
                deviation.windowSteps() * stepS,
                low,
                high,
                share,
                bandRms,
                dominant,
                spectrum.binWidthHz(),
                spectrum.segmentLength(),
                spectrum.segments(),
                new PowerSpectrum(spectrum.binWidthHz(), spectrum.binPowers()),
                rampBins.histogram(),
                drops.events(),
                drops.largestDropKw(),
                s.loadDropKw(),
                drops.windowSteps() * stepS,
                dropTimes,
                new FixedStepSeries(
                        slots == 0 ? grid.startEpochMs() : firstSlotEpochMs,
                        HalfHourDemandMeter.SLOT_MS,
                        Arrays.copyOf(slotsKw, slots)),
                demand.peakKw(),
                demand.peakSlotStartEpochMs(),
                notes);
    }

    private static String num(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
