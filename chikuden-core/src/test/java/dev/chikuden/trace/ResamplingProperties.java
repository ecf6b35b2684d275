package dev.chikuden.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.time.FixedStepSeries;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Resampling conserves energy: the grid's steps hold exactly the integral of the signal between samples. */
class ResamplingProperties {
    record Case(long[] t, double[] v, long step, long phase, Resample mode) {}

    @Property(tries = 300)
    void resamplingConservesEnergy(@ForAll("cases") Case c) {
        Trace trace = trace(c);
        FixedStepSeries s = trace.onGrid(c.phase(), c.step());
        double onGrid = 0;
        for (int j = 0; j < s.size(); j++) {
            onGrid += s.get(j) * c.step();
        }
        double exact = integral(c, s.startEpochMs(), s.startEpochMs() + s.size() * c.step(), trace.endEpochMs());
        assertThat(Math.abs(onGrid - exact)).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(exact)) + 1e-9);
    }

    /** The integral of the held or straight-line signal over [a, b), summed piece by piece. */
    static double integral(Case c, long a, long b, long end) {
        double sum = 0;
        for (int i = 0; i < c.t().length; i++) {
            long lo = Math.max(a, c.t()[i]);
            long next = i + 1 < c.t().length ? c.t()[i + 1] : end;
            long hi = Math.min(b, next);
            if (hi <= lo) {
                continue;
            }
            if (c.mode() == Resample.LINEAR && i + 1 < c.t().length) {
                double slope = (c.v()[i + 1] - c.v()[i]) / (next - c.t()[i]);
                double va = c.v()[i] + slope * (lo - c.t()[i]);
                double vb = c.v()[i] + slope * (hi - c.t()[i]);
                sum += (hi - lo) * (va + vb) / 2;
            } else {
                sum += (hi - lo) * c.v()[i];
            }
        }
        return sum;
    }

    private static Trace trace(Case c) {
        long[] steps = new long[c.t().length - 1];
        for (int i = 1; i < c.t().length; i++) {
            steps[i - 1] = c.t()[i] - c.t()[i - 1];
        }
        long[] sorted = steps.clone();
        java.util.Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        TraceOptions o =
                TraceOptions.power(ZoneOffset.UTC).withResample(c.mode()).withGaps(GapPolicy.HOLD, Long.MAX_VALUE);
        TraceInput in = new TraceInput(
                "p.csv",
                "power",
                "UTF-8",
                "t",
                "kw",
                "kW",
                "header",
                c.t().length,
                c.t().length,
                median,
                median,
                sorted[sorted.length - 1],
                0,
                Long.MAX_VALUE,
                "hold",
                List.of());
        return new Trace(c.t(), c.v(), new int[c.t().length], median, o, in);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<long[]> gaps = Arbitraries.longs()
                .between(1, 5_000)
                .array(long[].class)
                .ofMinSize(2)
                .ofMaxSize(200);
        Arbitrary<Long> first = Arbitraries.longs().between(0, 10_000_000);
        Arbitrary<Long> step = Arbitraries.longs().between(1, 4_000);
        Arbitrary<Long> phase = Arbitraries.longs().between(-10_000, 10_000);
        Arbitrary<Resample> mode = Arbitraries.of(Resample.MEAN, Resample.LINEAR);
        return Combinators.combine(gaps, first, step, phase, mode)
                .as((g, t0, st, ph, m) -> {
                    long[] t = new long[g.length + 1];
                    double[] v = new double[t.length];
                    t[0] = t0;
                    java.util.SplittableRandom r = new java.util.SplittableRandom(t0 ^ st);
                    v[0] = r.nextDouble(-1e5, 1e5);
                    for (int i = 0; i < g.length; i++) {
                        t[i + 1] = t[i] + g[i];
                        v[i + 1] = r.nextDouble(-1e5, 1e5);
                    }
                    return new Case(t, v, st, ph, m);
                })
                .filter(c -> c.t()[c.t().length - 1] - c.t()[0] > 3 * c.step());
    }
}
