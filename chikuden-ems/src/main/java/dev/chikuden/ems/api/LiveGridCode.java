package dev.chikuden.ems.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeReport;
import dev.chikuden.gridcode.RuleVerdict;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.HalfHourDemandMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Grid-code metrics of the live grid power, computed with the planning study's own meters.
 *
 * <p>What is meaningful live, and so reported: over the last 1 and 5 minutes, the largest ramps
 * per second and per minute, the dynamic range (deviation from the rolling mean), load-drop
 * events and the oscillation band's share, each judged against the site's rules; and the current
 * half-hour demand slot (the Japanese billing unit): import so far, the demand the slot ends at if
 * the grid power stays where it is now, against the contract (time not observed, before the
 * service started or with the meter stale, is estimated at the observed mean, and said so). Not reported: the 30-minute peak
 * rule over a few minutes (a partial slot's mean is not a demand), and any metric whose window is
 * longer than the samples at hand (a per-minute ramp needs more than a minute), nor the band
 * share when the window is too short for the study's spectrum resolution (at 1 s cycles, five
 * minutes are: the value is shown, the verdict says "not judged").
 *
 * <p>Windows are measured over the newest unbroken run of grid readings: a stale meter (NaN) or a
 * lost cycle breaks the run, since the meters assume one sample per cycle. Relative limits
 * ("5 % of the peak") resolve against the window's own peak.
 */
final class LiveGridCode implements Consumer<CycleSnapshot> {
    /**
     * {@code GET /api/gridcode}.
     *
     * @param zone    the site's time zone, whose clock the demand slots follow
     * @param rules   where the rules come from
     * @param windows the last 1 and 5 minutes
     * @param demand  the current half-hour demand slot
     */
    record View(String zone, String rules, long cycleMs, List<Window> windows, Demand demand) {}

    /**
     * One window: how many readings it holds, and their metrics once there are two in a row.
     *
     * @param coveredS the time the readings span
     * @param metrics  null (left out of the JSON) with fewer than two readings in a row
     * @param notes    what to know about the numbers: readings left out, the study's own notes
     */
    record Window(
            long minutes,
            int samples,
            double coveredS,
            @JsonUnwrapped Metrics metrics,
            List<String> notes) {}

    /**
     * The grid-code metrics of a window, in kW; a metric the window is too short for is NaN (null in JSON).
     *
     * @param from     the first reading's time
     * @param to       the last reading's time
     * @param verdicts each rule judged (the 30-minute peak rule is judged on the demand slot instead)
     */
    record Metrics(
            String from,
            String to,
            double peakKw,
            double maxRampUpKwPerS,
            double maxRampDownKwPerS,
            double maxRampKwPerMin,
            double dynamicRangeKw,
            long loadDropEvents,
            double largestDropKw,
            double bandEnergyShare,
            double dominantFrequencyHz,
            List<RuleVerdict> verdicts) {}

    /**
     * The current half-hour demand slot against the contract.
     *
     * @param contractKw the contracted demand, NaN (null) when the site file gives none
     * @param slot       null (left out of the JSON) before the first cycle
     * @param note       what the figures leave out, or null (left out) when nothing
     */
    record Demand(
            double contractKw,
            @JsonUnwrapped Slot slot,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    /**
     * @param elapsedS          slot time up to the last cycle
     * @param observedS         of which with a grid reading
     * @param unobservedS       of which without: before the service started, a stale meter, lost cycles
     * @param importKwh         energy imported while observed
     * @param projectedKw       the slot's demand if the import stays where it is now (unobserved time at
     *                          the observed mean)
     * @param peakClosedSlotKw  the largest demand of the slots closed since start
     */
    record Slot(
            String slotStart,
            String slotEnd,
            double elapsedS,
            double observedS,
            double unobservedS,
            double importKwh,
            double averageKw,
            double projectedKw,
            double projectedMarginKw,
            double peakClosedSlotKw) {}

    static final long[] WINDOWS_MS = {60_000, 300_000};
    private static final long LONGEST_MS = 300_000;

    private final SiteLimits site;
    private final long periodMs;
    private final long[] cycles;
    private final long[] epochMs;
    private final double[] gridKw;
    private int next;
    private int size;
    private final HalfHourDemandMeter demand;
    private long firstEpochMs = Long.MIN_VALUE;
    private long lastEpochMs = Long.MIN_VALUE;
    private double lastKw = Double.NaN;
    private long missingSlotStartMs = Long.MIN_VALUE;
    private long missingMs;

    LiveGridCode(SiteLimits site, long periodMs) {
        this.site = site;
        this.periodMs = Math.max(1, periodMs);
        int capacity = (int) Math.min(1_000_000, LONGEST_MS / this.periodMs + 2);
        this.cycles = new long[capacity];
        this.epochMs = new long[capacity];
        this.gridKw = new double[capacity];
        this.demand = new HalfHourDemandMeter(site.zone());
    }

    @Override
    public synchronized void accept(CycleSnapshot s) {
        cycles[next] = s.cycle();
        epochMs[next] = s.epochMs();
        gridKw[next] = s.gridKw();
        next = next + 1 == cycles.length ? 0 : next + 1;
        size = Math.min(size + 1, cycles.length);
        integrateUntil(s.epochMs());
        if (firstEpochMs == Long.MIN_VALUE) {
            firstEpochMs = s.epochMs();
        }
        lastEpochMs = s.epochMs();
        lastKw = s.gridKw();
    }

    /**
     * The last reading holds until this one (as the meter's register would integrate it); a stale
     * reading, or a gap of more than two cycles, counts as no import and as missing time.
     */
    private void integrateUntil(long nowMs) {
        if (lastEpochMs == Long.MIN_VALUE || nowMs <= lastEpochMs) {
            return;
        }
        long held = nowMs - lastEpochMs;
        long valid = Double.isFinite(lastKw) ? Math.min(held, 2 * periodMs) : 0;
        if (valid > 0) {
            demand.add(lastEpochMs, valid, lastKw);
        }
        if (held > valid) {
            demand.add(lastEpochMs + valid, held - valid, 0);
        }
        if (demand.slotStartEpochMs() != missingSlotStartMs) {
            missingSlotStartMs = demand.slotStartEpochMs();
            missingMs = 0;
        }
        missingMs += held - valid;
    }

    synchronized View view() {
        List<Window> windows = new ArrayList<>();
        for (long w : WINDOWS_MS) {
            windows.add(window(w));
        }
        return new View(site.zone().getId(), site.rules().source(), periodMs, windows, demandView());
    }

    private Window window(long windowMs) {
        int newest = next == 0 ? cycles.length - 1 : next - 1;
        int n = 0;
        int inWindow = 0;
        boolean broken = false;
        for (int k = 0; k < size; k++) {
            int i = Math.floorMod(newest - k, cycles.length);
            if (epochMs[i] <= epochMs[newest] - windowMs) {
                break;
            }
            inWindow++;
            boolean continues = k == 0 || cycles[i] == cycles[Math.floorMod(i + 1, cycles.length)] - 1;
            if (!broken && continues && Double.isFinite(gridKw[i])) {
                n++;
            } else {
                broken = true;
            }
        }
        double coveredS = n * periodMs / 1000.0;
        List<String> notes = new ArrayList<>();
        if (inWindow > n) {
            notes.add((inWindow - n) + " older cycles of the window are left out: the run of grid readings is broken "
                    + "there (a stale meter or a lost cycle)");
        }
        if (n < 2) {
            notes.add("fewer than two grid readings in a row: nothing to measure yet");
            return new Window(windowMs / 60_000, n, coveredS, null, notes);
        }
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[n - 1 - k] = gridKw[Math.floorMod(newest - k, cycles.length)];
        }
        long fromMs = epochMs[Math.floorMod(newest - (n - 1), cycles.length)];
        GridCodeReport report =
                GridCodeMeter.of(new FixedStepSeries(fromMs, periodMs, values), site.zone(), site.rules());
        GridCodeMetrics m = report.metrics();
        double spanS = n * m.stepSeconds();
        boolean minuteRamp = spanS > m.rampMinuteWindowSeconds();
        boolean range = n >= Math.round(m.dynamicRangeWindowSeconds() / m.stepSeconds());
        // the planning study's own criterion for its spectrum: bins of at most a tenth of the band's lower edge
        boolean fineSpectrum = m.frequencyResolutionHz() <= m.bandLowHz() / 10 * (1 + 1e-9);
        List<RuleVerdict> verdicts = new ArrayList<>();
        for (RuleVerdict v : report.verdicts()) {
            if (v.rule().equals("maxDemand30minMw")) {
                continue; // judged on the whole slot below, not on a few minutes
            }
            if ((v.rule().equals("maxRampMwPerMin") && !minuteRamp) || (v.rule().equals("dynamicRangeMw") && !range)) {
                v = notJudged(
                        v,
                        String.format(Locale.ROOT, "not judged: the window holds %.0f s of readings, too few", spanS));
            } else if (v.rule().equals("bandEnergyShare") && !fineSpectrum && !Double.isNaN(v.value())) {
                v = notJudged(
                        v,
                        String.format(
                                Locale.ROOT,
                                "not judged live: %.0f s of readings give spectrum bins of "
                                        + "%.3g Hz, too coarse for the band's lower edge of %.3g Hz (bins of a tenth of it are "
                                        + "needed)",
                                spanS,
                                m.frequencyResolutionHz(),
                                m.bandLowHz()));
            }
            verdicts.add(v);
        }
        notes.addAll(m.notes());
        Metrics metrics = new Metrics(
                Views.iso(fromMs),
                Views.iso(epochMs[newest]),
                m.peakKw(),
                m.maxRampUpKwPerS(),
                m.maxRampDownKwPerS(),
                minuteRamp ? Math.max(m.maxRampUpKwPerMin(), m.maxRampDownKwPerMin()) : Double.NaN,
                range ? m.dynamicRangeKw() : Double.NaN,
                m.loadDropEvents(),
                m.largestDropKw(),
                m.bandEnergyShare(),
                m.dominantFrequencyHz(),
                verdicts);
        return new Window(windowMs / 60_000, n, coveredS, metrics, notes);
    }

    private static RuleVerdict notJudged(RuleVerdict v, String why) {
        return new RuleVerdict(v.rule(), v.unit(), v.value(), v.limit(), true, Double.NaN, why);
    }

    private Demand demandView() {
        long start = demand.slotStartEpochMs();
        if (start == Long.MIN_VALUE) {
            return new Demand(site.contractKw(), null, "no cycle integrated yet");
        }
        long end = demand.slotEndEpochMs();
        long upTo = Math.min(lastEpochMs, end);
        long beforeFirstMs = Math.max(0, Math.min(firstEpochMs, upTo) - start);
        long unobservedMs = beforeFirstMs + missingMs;
        long observedMs = upTo - start - unobservedMs;
        double importKwh = demand.slotImportKwh();
        double averageKw = observedMs > 0 ? importKwh * 3_600_000.0 / observedMs : Double.NaN;
        double projectedKwh =
                importKwh + averageKw * unobservedMs / 3_600_000.0 + Math.max(0, lastKw) * (end - upTo) / 3_600_000.0;
        double projectedKw = projectedKwh * 3_600_000.0 / HalfHourDemandMeter.SLOT_MS;
        Slot slot = new Slot(
                Views.iso(start),
                Views.iso(end),
                (upTo - start) / 1000.0,
                observedMs / 1000.0,
                unobservedMs / 1000.0,
                importKwh,
                averageKw,
                projectedKw,
                site.contractKw() - projectedKw,
                demand.peakKw());
        String note = unobservedMs <= 0
                ? null
                : String.format(
                        Locale.ROOT,
                        "%.0f s of this slot were not observed "
                                + "(before the service started, or with the meter stale); the projection assumes the observed mean "
                                + "for them, and importKwh counts only what was observed",
                        unobservedMs / 1000.0);
        return new Demand(site.contractKw(), slot, note);
    }
}
