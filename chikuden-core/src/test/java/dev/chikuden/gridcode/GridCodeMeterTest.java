package dev.chikuden.gridcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.HalfHourDemand;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridCodeMeterTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final long START = Instant.parse("2025-08-04T00:00:00Z").toEpochMilli();
    static final GridCodeRules METRICS_ONLY = GridCodeRules.none(GridCodeSettings.DEFAULT);

    static FixedStepSeries series(long stepMs, int n, IntToDoubleFunction kwAt) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = kwAt.applyAsDouble(i);
        }
        return new FixedStepSeries(START, stepMs, v);
    }

    static FixedStepSeries sine(long stepMs, int n, double meanKw, double amplitudeKw, double hz) {
        double dt = stepMs / 1000.0;
        return series(stepMs, n, i -> meanKw + amplitudeKw * Math.sin(2 * Math.PI * hz * i * dt));
    }

    static GridCodeMetrics metrics(FixedStepSeries s) {
        return GridCodeMeter.of(s, UTC, METRICS_ONLY).metrics();
    }

    @Test
    void aSineInsideTheBandHoldsAllTheOscillationEnergy() {
        // 1 Hz, 10 MW amplitude around 100 MW, one hour at 100 ms: Nyquist 5 Hz, so the band is 0.1-5 Hz
        GridCodeMetrics m = metrics(sine(100, 36_000, 100_000, 10_000, 1.0));
        assertThat(m.welchSegmentSamples()).isEqualTo(1024);
        assertThat(m.frequencyResolutionHz()).isEqualTo(10.0 / 1024);
        assertThat(m.bandHighHz()).isEqualTo(5.0);
        assertThat(m.notes()).singleElement().asString().contains("clipped to 5 Hz");
        assertThat(m.bandEnergyShare()).isCloseTo(1.0, within(1e-5));
        assertThat(m.dominantFrequencyHz()).isCloseTo(1.0, within(m.frequencyResolutionHz()));
        // a sine of amplitude A has RMS A / sqrt 2
        assertThat(m.bandRmsKw()).isCloseTo(10_000 / Math.sqrt(2), within(10_000 * 0.01));
    }

    @Test
    void aSineBelowTheBandHasNoneOfItsEnergyInIt() {
        GridCodeMetrics m = metrics(sine(100, 36_000, 100_000, 10_000, 0.02));
        assertThat(m.bandEnergyShare()).isBetween(0.0, 1e-3);
        assertThat(m.dominantFrequencyHz()).isCloseTo(0.02, within(m.frequencyResolutionHz()));
    }

    @Test
    void aStepTooCoarseForTheBandSaysSoInsteadOfGuessing() {
        GridCodeReport r =
                GridCodeMeter.of(sine(60_000, 24 * 60, 100_000, 10_000, 1 / 3600.0), UTC, GridCodeRules.defaults());
        assertThat(r.metrics().bandEnergyShare()).isNaN();
        assertThat(r.metrics().notes())
                .anySatisfy(n -> assertThat(n)
                        .contains(
                                "a 60 s step sees frequencies up to " + "0.008333 Hz only, below the band 0.1-20 Hz"));
        assertThat(r.verdicts())
                .filteredOn(v -> v.rule().equals("bandEnergyShare"))
                .singleElement()
                .satisfies(v -> assertThat(v.note()).startsWith("not judged: a 60 s step sees"));
    }

    @Test
    void aFlatTraceHasNoOscillation() {
        GridCodeMetrics m = metrics(series(100, 10_000, i -> 123_456.789));
        assertThat(m.bandEnergyShare()).isZero();
        assertThat(m.bandRmsKw()).isZero();
        assertThat(m.dominantFrequencyHz()).isNaN();
        assertThat(m.maxRampUpKwPerS()).isZero();
        assertThat(m.dynamicRangeKw()).isLessThan(1e-6);
    }

    @ParameterizedTest
    @ValueSource(longs = {100, 250, 1000, 5000, 900_000})
    void aLinearRampHasItsSlopeOverOneSecondAndOneMinute(long stepMs) {
        double slopeKwPerS = 37.5;
        double dt = stepMs / 1000.0;
        GridCodeMetrics m = metrics(series(stepMs, 5000, i -> 50_000 + slopeKwPerS * i * dt));
        assertThat(m.maxRampUpKwPerS()).isCloseTo(slopeKwPerS, within(1e-9));
        assertThat(m.maxRampUpKwPerMin()).isCloseTo(slopeKwPerS * 60, within(1e-7));
        assertThat(m.maxRampDownKwPerS()).isZero();
        assertThat(m.maxRampDownKwPerMin()).isZero();
        assertThat(m.loadDropEvents()).isZero();
        assertThat(m.rampWindowSeconds()).isEqualTo(Math.max(1, dt));
        assertThat(m.rampMinuteWindowSeconds()).isEqualTo(Math.max(60, dt));
    }

    @ParameterizedTest
    @ValueSource(longs = {100, 1000})
    void aStepDropIsOneLoadDropOfItsSizeAndARampOfItsSizePerSecond(long stepMs) {
        int n = (int) (20 * 60_000 / stepMs);
        GridCodeMetrics m = metrics(series(stepMs, n, i -> i < n / 2 ? 100_000 : 40_000));
        assertThat(m.loadDropEvents()).isEqualTo(1);
        assertThat(m.largestDropKw()).isEqualTo(60_000);
        assertThat(m.firstLoadDropsEpochMs()).containsExactly(START + n / 2 * stepMs);
        assertThat(m.maxRampDownKwPerS()).isEqualTo(60_000);
        assertThat(m.maxRampDownKwPerMin()).isEqualTo(60_000);
        assertThat(m.maxRampUpKwPerS()).isZero();
    }

    @Test
    void aDropBelowTheThresholdIsNoEventButStillTheLargestDrop() {
        GridCodeMetrics m = metrics(series(1000, 100, i -> i < 50 ? 100_000 : 80_000));
        assertThat(m.loadDropEvents()).isZero();
        assertThat(m.largestDropKw()).isEqualTo(20_000);
    }

    @Test
    void aSquareWaveDeviatesFromItsRollingMeanByItsHalfSwing() {
        // 100 +- 20 MW with a 2 s period at 100 ms: the 1-minute mean holds 30 whole periods
        GridCodeMetrics m = metrics(series(100, 36_000, i -> (i / 10) % 2 == 0 ? 120_000 : 80_000));
        assertThat(m.dynamicRangeKw()).isCloseTo(20_000, within(1e-6));
        assertThat(m.maxRampUpKwPerS()).isEqualTo(40_000);
        assertThat(m.maxRampDownKwPerS()).isEqualTo(40_000);
        assertThat(m.dominantFrequencyHz()).isCloseTo(0.5, within(m.frequencyResolutionHz()));
        assertThat(m.bandEnergyShare()).isGreaterThan(0.999);
        assertThat(m.loadDropEvents()).isEqualTo(1800); // one per period: 40 MW lost within 1 s
    }

    @Test
    void dynamicRangeMatchesABruteForceRollingMean() {
        Random rnd = new Random(7);
        FixedStepSeries s = series(1000, 3000, i -> 50_000 + 10_000 * rnd.nextGaussian());
        int w = 60;
        double expected = 0;
        for (int i = w - 1; i < s.size(); i++) {
            double sum = 0;
            for (int j = i - w + 1; j <= i; j++) {
                sum += s.get(j);
            }
            expected = Math.max(expected, Math.abs(s.get(i) - sum / w));
        }
        assertThat(metrics(s).dynamicRangeKw()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void loadDropsMatchABruteForceCount() {
        Random rnd = new Random(11);
        double[] kw = new double[20_000];
        double level = 100_000;
        for (int i = 0; i < kw.length; i++) {
            level += rnd.nextInt(50) == 0 ? rnd.nextGaussian() * 20_000 : rnd.nextGaussian() * 500;
            kw[i] = level;
        }
        FixedStepSeries s = new FixedStepSeries(START, 100, kw);
        int q = 10; // 1 s at 100 ms
        long events = 0;
        double largest = 0;
        boolean in = false;
        for (int i = 0; i < kw.length; i++) {
            double max = kw[i];
            for (int j = Math.max(0, i - q); j < i; j++) {
                max = Math.max(max, kw[j]);
            }
            largest = Math.max(largest, max - kw[i]);
            boolean over = max - kw[i] > 25_000;
            if (over && !in) {
                events++;
            }
            in = over;
        }
        GridCodeMetrics m = metrics(s);
        assertThat(events).isPositive();
        assertThat(m.loadDropEvents()).isEqualTo(events);
        assertThat(m.largestDropKw()).isEqualTo(largest);
    }

    @Test
    void thirtyMinuteDemandIsTheHalfHourDemandOfTheSeries() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Random rnd = new Random(3);
        // starts at 00:10 UTC, so the first and last slots are partial
        FixedStepSeries s = new FixedStepSeries(
                START + 600_000,
                1000,
                series(1000, 3 * 3600, i -> 80_000 + 40_000 * rnd.nextDouble() - (i % 1000 == 0 ? 200_000 : 0))
                        .values());
        GridCodeMetrics m = GridCodeMeter.of(s, tokyo, METRICS_ONLY).metrics();
        FixedStepSeries expected = HalfHourDemand.of(s, tokyo);
        assertThat(m.demand30minKw().values()).containsExactly(expected.values());
        assertThat(m.demand30minKw().startEpochMs()).isEqualTo(expected.startEpochMs());
        double peak = java.util.Arrays.stream(expected.values()).max().orElseThrow();
        assertThat(m.peakDemand30minKw()).isEqualTo(peak);
    }

    @Test
    void aRawTrainingLoadFailsTheDefaultRulesAndASmoothedOnePasses() {
        // one hour at 100 ms: 100 MW +- 20 MW swinging at 0.5 Hz, against the same mean held by a battery,
        // which leaves a slow 3 MW drift and 100 kW of noise
        Random rnd = new Random(5);
        FixedStepSeries raw = series(100, 36_000, i -> 100_000 + ((i / 10) % 2 == 0 ? 20_000 : -20_000));
        FixedStepSeries smooth = series(
                100, 36_000, i -> 100_000 + 3_000 * Math.sin(2 * Math.PI * i / 12_000.0) + 100 * rnd.nextGaussian());
        GridCodeReport r = GridCodeMeter.of(raw, UTC, GridCodeRules.defaults());
        GridCodeReport s = GridCodeMeter.of(smooth, UTC, GridCodeRules.defaults());
        assertThat(r.pass()).isFalse();
        assertThat(r.verdicts())
                .filteredOn(v -> !v.pass())
                .extracting(RuleVerdict::rule)
                .containsExactly(
                        "maxRampUpMwPerS", "maxRampDownMwPerS", "dynamicRangeMw", "bandEnergyShare", "loadDropEvents");
        assertThat(s.verdicts())
                .allSatisfy(v -> assertThat(v.pass()).as(v.toString()).isTrue());
        assertThat(s.pass()).isTrue();
    }

    @Test
    void verdictsCarryValueLimitAndMarginInTheRulesUnit() {
        // a ramp of 5 MW/s for 2 min, peak 700 MW
        FixedStepSeries s = series(1000, 121, i -> 100_000 + 5_000 * i);
        GridCodeRules rules = new GridCodeRules(
                "test",
                GridCodeSettings.DEFAULT,
                PowerLimit.absolute(10_000),
                PowerLimit.fractionOfPeak(0.01),
                PowerLimit.absolute(250_000),
                PowerLimit.fractionOfPeak(0.05),
                0.2,
                null,
                0L,
                PowerLimit.absolute(500_000));
        GridCodeReport r = GridCodeMeter.of(s, UTC, rules);
        assertThat(r.verdicts())
                .extracting(RuleVerdict::rule)
                .containsExactly(
                        "maxRampUpMwPerS",
                        "maxRampDownMwPerS",
                        "maxRampMwPerMin",
                        "dynamicRangeMw",
                        "bandEnergyShare",
                        "loadDropEvents",
                        "maxDemand30minMw");
        RuleVerdict up = r.verdicts().get(0);
        assertThat(up).isEqualTo(new RuleVerdict("maxRampUpMwPerS", "MW/s", 5, 10, true, 5, null));
        RuleVerdict down = r.verdicts().get(1);
        assertThat(down.limit()).isCloseTo(7, within(1e-9)); // 1 % of the 700 MW peak
        assertThat(down.pass()).isTrue();
        RuleVerdict perMinute = r.verdicts().get(2);
        assertThat(perMinute.value()).isEqualTo(300);
        assertThat(perMinute.pass()).isFalse();
        assertThat(perMinute.margin()).isEqualTo(-50);
        RuleVerdict range = r.verdicts().get(3);
        // the mean of the last 60 values of a linear ramp lies 29.5 steps behind the newest
        assertThat(range.value()).isCloseTo(29.5 * 5, within(1e-9));
        assertThat(range.limit()).isCloseTo(35, within(1e-9));
        assertThat(range.margin()).isCloseTo(35 - 147.5, within(1e-9));
        assertThat(r.verdicts().get(6).value()).isCloseTo(400, within(1e-9));
        assertThat(r.pass()).isFalse();
    }

    @Test
    void theShareOfANearlyFlatLoadIsNotJudgedBelowTheFloor() {
        Random rnd = new Random(9);
        FixedStepSeries noise = series(100, 36_000, i -> 100_000 + 200 * rnd.nextGaussian());
        GridCodeReport r = GridCodeMeter.of(noise, UTC, GridCodeRules.defaults());
        RuleVerdict share = r.verdicts().stream()
                .filter(v -> v.rule().equals("bandEnergyShare"))
                .findFirst()
                .orElseThrow();
        assertThat(share.value()).isGreaterThan(0.9); // white noise spreads evenly over 0-5 Hz
        assertThat(share.margin()).isNegative();
        assertThat(share.pass()).isTrue();
        assertThat(share.note()).startsWith("passes: the band's RMS oscillation of 0.19");
    }

    /** The histogram holds one ramp per step after the first second, and its outer bins hold the largest ramps. */
    @Test
    void theRampHistogramCountsEveryRampUpToTheLargest() {
        // 1 s steps, 100 MW +- 20 MW every 2 s plus noise: ramps of about +-40 MW/s
        Random random = new Random(3);
        FixedStepSeries s =
                series(1000, 3_600, i -> 100_000 + (i / 2 % 2 == 0 ? 20_000 : -20_000) + 500 * random.nextGaussian());
        GridCodeMetrics m = metrics(s);
        RampHistogram h = m.rampHistogram();
        assertThat(h.total()).isEqualTo(3_599);
        long[] counts = h.counts();
        int lowest = 0;
        while (counts[lowest] == 0) {
            lowest++;
        }
        int highest = counts.length - 1;
        while (counts[highest] == 0) {
            highest--;
        }
        assertThat(m.maxRampUpKwPerS())
                .isBetween(h.lowerEdgeKwPerS(highest), h.lowerEdgeKwPerS(highest) + h.binKwPerS());
        assertThat(-m.maxRampDownKwPerS())
                .isBetween(h.lowerEdgeKwPerS(lowest), h.lowerEdgeKwPerS(lowest) + h.binKwPerS());
    }

    /** The spectrum's strongest bin is the dominant frequency, and its bins in the band add up to the band's RMS squared. */
    @Test
    void theSpectrumIsTheOneTheBandShareIsMeasuredOn() {
        GridCodeMetrics m = metrics(sine(100, 36_000, 100_000, 10_000, 1.0));
        PowerSpectrum p = m.spectrum();
        double[] kw2 = p.powerKw2();
        assertThat(p.binWidthHz()).isEqualTo(m.frequencyResolutionHz());
        assertThat(kw2).hasSize(m.welchSegmentSamples() / 2 + 1);
        int strongest = 1;
        double band = 0;
        for (int k = 1; k < kw2.length; k++) {
            strongest = kw2[k] > kw2[strongest] ? k : strongest;
            double f = k * p.binWidthHz();
            band += f >= m.bandLowHz() && f <= m.bandHighHz() ? kw2[k] : 0;
        }
        assertThat(strongest * p.binWidthHz()).isEqualTo(m.dominantFrequencyHz());
        assertThat(Math.sqrt(band)).isCloseTo(m.bandRmsKw(), within(1e-9 * m.bandRmsKw()));
    }
}
