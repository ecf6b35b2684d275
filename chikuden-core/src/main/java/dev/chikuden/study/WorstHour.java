package dev.chikuden.study;

import dev.chikuden.control.ControlChain;
import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.gridcode.RuleVerdict;
import dev.chikuden.profile.Profile;
import dev.chikuden.sim.SimulationEngine;
import dev.chikuden.sim.StepChunk;
import dev.chikuden.sim.StepSink;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.time.TimeGrid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * One local hour of the first study year, with the battery, re-simulated under any control chain:
 * the hour's load, PV and ambient are read once from the year's profiles, the run starts
 * {@link #WARM_UP_MS} before the hour (its steps are not measured, so the loops' filters settle)
 * with the battery at the SOC the year's run had then, and every grid-code rule is judged on the
 * hour's grid power alone. Limits given as a fraction of the peak take the hour's peak.
 */
public final class WorstHour {
    /** Simulated before the hour and discarded. */
    public static final long WARM_UP_MS = SocSamples.EVERY_MS;

    private static final long HOUR_MS = 3_600_000;

    private final SiteConfig site;
    private final GridCodeRules rules;
    private final TimeGrid run;
    private final TimeGrid hour;
    private final int warmUpSteps;
    private final double[] loadKw;
    private final double[] pvKw;
    private final double[] ambientC;
    private final long hourStartEpochMs;
    private final double socAtWarmUp;
    private final Map<Long, GridCodeReport> byLatencyMs = new HashMap<>();

    /**
     * The local hour holding step {@code step} of the site's first year.
     *
     * @param socAt the with-battery run's SOC at a 5-minute mark, NaN for the battery's initial SOC
     */
    static WorstHour of(SiteConfig site, long step, LongToDoubleFunction socAt) {
        TimeGrid year = SiteModels.timeGrid(site);
        long start = Instant.ofEpochMilli(year.epochMsAt(step))
                .atZone(site.zone())
                .truncatedTo(ChronoUnit.HOURS)
                .toInstant()
                .toEpochMilli();
        // the warm-up starts on a 5-minute mark, where the with-battery run's SOC was sampled
        long mark = Math.floorDiv(start - WARM_UP_MS, SocSamples.EVERY_MS) * SocSamples.EVERY_MS;
        return new WorstHour(site, start, mark <= year.startEpochMs() ? Double.NaN : socAt.applyAsDouble(mark));
    }

    /**
     * The local hour starting {@code hourStartEpochMs}, clipped to the first study year.
     *
     * @param socAtWarmUp the SOC of every battery when the warm-up starts; NaN for their initial SOC
     */
    public WorstHour(SiteConfig site, long hourStartEpochMs, double socAtWarmUp) {
        TimeGrid year = SiteModels.timeGrid(site);
        long stepMs = year.stepMs();
        long warm = Math.floorDiv(hourStartEpochMs - WARM_UP_MS, SocSamples.EVERY_MS) * SocSamples.EVERY_MS;
        long first = Math.max(0, ceilDiv(warm - year.startEpochMs(), stepMs));
        long hourFirst = Math.max(first, ceilDiv(hourStartEpochMs - year.startEpochMs(), stepMs));
        long end = Math.min(year.steps(), ceilDiv(hourStartEpochMs + HOUR_MS - year.startEpochMs(), stepMs));
        if (end <= hourFirst) {
            throw new IllegalArgumentException(
                    "the hour from " + Instant.ofEpochMilli(hourStartEpochMs) + " is outside the study");
        }
        this.site = first == 0 || Double.isNaN(socAtWarmUp)
                ? site
                : site.withBatteries(site.batteries().stream()
                        .map(b -> b.withInitialSoc(socAtWarmUp))
                        .toList());
        this.socAtWarmUp = first == 0 || Double.isNaN(socAtWarmUp)
                ? SiteModels.battery(site).soc()
                : socAtWarmUp;
        this.rules = SiteModels.gridCodeRules(site);
        this.hourStartEpochMs = hourStartEpochMs;
        this.run = new TimeGrid(year.epochMsAt(first), stepMs, end - first, year.zone());
        this.hour = new TimeGrid(year.epochMsAt(hourFirst), stepMs, end - hourFirst, year.zone());
        this.warmUpSteps = (int) (hourFirst - first);
        int n = (int) run.steps();
        this.loadKw = read(SiteModels.load(site, year), first, n);
        this.pvKw = read(SiteModels.pv(site, year), first, n);
        this.ambientC = read(SiteModels.ambient(site, year), first, n);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static double[] read(Profile p, long first, int n) {
        double[] out = new double[n];
        p.fill(first, out, n);
        return out;
    }

    public long hourStartEpochMs() {
        return hourStartEpochMs;
    }

    public double socAtWarmUp() {
        return socAtWarmUp;
    }

    /** The grid-code report of the hour with the battery acting through {@code chain}. */
    public GridCodeReport report(ControlChain chain) {
        GridCodeMeter meter = new GridCodeMeter(hour, rules);
        StepSink afterWarmUp = new StepSink() {
            @Override
            public void accept(StepChunk c) {
                int from = (int) Math.max(0, Math.min(c.count(), warmUpSteps - c.firstStep()));
                meter.add(c.gridKw, from, c.count() - from);
            }
        };
        new SimulationEngine(
                        run,
                        array(loadKw),
                        array(pvKw),
                        array(ambientC),
                        SiteModels.battery(site),
                        SiteModels.controller(site.withStudy(site.study().year(0))),
                        site.grid().frequencyHz(),
                        SimulationEngine.DEFAULT_CHUNK,
                        chain)
                .run(List.of(afterWarmUp));
        return meter.report();
    }

    private static Profile array(double[] values) {
        return (first, out, count) -> System.arraycopy(values, (int) first, out, 0, count);
    }

    /**
     * {@code chain} with its latencies scaled to a total of exactly {@code latencyMs}: both delays
     * scaled and cut to whole {@link ControlChain#MIN_PERIOD_MS}, the converter's time constant
     * taking the rest (so the chain's sub-steps stay at 10 ms or longer, and a search stays fast).
     */
    public static ControlChain withTotalLatency(ControlChain chain, long latencyMs) {
        double factor = latencyMs / (chain.totalLatencyS() * 1000);
        long grain = ControlChain.MIN_PERIOD_MS;
        long meterMs = (long) Math.floor(chain.meterDelayMs() * factor / grain) * grain;
        long commandMs = (long) Math.floor(chain.commandDelayMs() * factor / grain) * grain;
        return new ControlChain(
                chain.supervisoryPeriodMs(),
                chain.fastPeriodMs(),
                chain.fastHost(),
                meterMs,
                commandMs,
                (latencyMs - meterMs - commandMs) / 1000.0,
                chain.converterRampKwPerS());
    }

    /**
     * The largest total latency, to {@link LatencyTolerance#RESOLUTION_MS}, at which every rule passes
     * on the hour: the configured chain first, then bisection toward {@link
     * LatencyTolerance#SEARCH_MAX_MS} if it passes, toward 0 if it fails. Assumes more latency never
     * helps.
     *
     * @param chain a chain with latency
     * @param largestChangeKw the net load's largest 1-s change, for the report
     */
    public LatencyTolerance tolerance(ControlChain chain, double largestChangeKw) {
        if (chain.zeroLatency()) {
            throw new IllegalArgumentException("a chain without latency cannot be scaled");
        }
        long r = LatencyTolerance.RESOLUTION_MS;
        long configuredMs = Math.round(chain.totalLatencyS() * 1000);
        List<String> configuredFailures = failures(chain, configuredMs);
        long lo;
        long hi;
        boolean withoutLatency;
        if (configuredFailures.isEmpty() && passes(chain, configuredMs / r * r)) {
            withoutLatency = true;
            lo = configuredMs / r * r;
            hi = LatencyTolerance.SEARCH_MAX_MS;
            if (lo >= hi || passes(chain, hi)) {
                long capped = Math.max(lo, hi);
                return new LatencyTolerance(
                        hourStartEpochMs,
                        largestChangeKw,
                        socAtWarmUp,
                        configuredMs,
                        configuredFailures,
                        true,
                        capped,
                        true,
                        List.of());
            }
        } else {
            withoutLatency = passes(chain, 0);
            lo = 0;
            hi = Math.min(LatencyTolerance.SEARCH_MAX_MS, Math.max(r, ceilDiv(configuredMs, r) * r));
            if (!withoutLatency) {
                return new LatencyTolerance(
                        hourStartEpochMs,
                        largestChangeKw,
                        socAtWarmUp,
                        configuredMs,
                        configuredFailures,
                        false,
                        0,
                        false,
                        failures(chain, 0));
            }
        }
        while (hi - lo > r) {
            long mid = lo + (hi - lo) / (2 * r) * r;
            if (passes(chain, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        List<String> above = failures(chain, hi);
        return new LatencyTolerance(
                hourStartEpochMs,
                largestChangeKw,
                socAtWarmUp,
                configuredMs,
                configuredFailures,
                withoutLatency,
                lo,
                false,
                above);
    }

    private boolean passes(ControlChain chain, long latencyMs) {
        return failures(chain, latencyMs).isEmpty();
    }

    /** The rules failing on the hour at a total latency (the configured chain itself at its own total). */
    private List<String> failures(ControlChain chain, long latencyMs) {
        GridCodeReport report = byLatencyMs.computeIfAbsent(
                latencyMs,
                ms -> report(ms == Math.round(chain.totalLatencyS() * 1000) ? chain : withTotalLatency(chain, ms)));
        return report.verdicts().stream()
                .filter(v -> !v.pass())
                .map(RuleVerdict::rule)
                .toList();
    }
}
