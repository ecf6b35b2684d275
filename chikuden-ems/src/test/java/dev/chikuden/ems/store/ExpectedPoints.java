package dev.chikuden.ems.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.cycle.CycleSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** What the store should answer, computed here in Java from the cycles written, independently of its SQL. */
final class ExpectedPoints {
    private ExpectedPoints() {}

    /** Buckets of {@code bucketMs} from the epoch, each with the mean, min and max of the readings present. */
    static List<TelemetryPoint> buckets(List<CycleSnapshot> cycles, long bucketMs) {
        Map<Long, List<CycleSnapshot>> groups = new TreeMap<>();
        for (CycleSnapshot s : cycles) {
            groups.computeIfAbsent(Math.floorDiv(s.epochMs(), bucketMs) * bucketMs, k -> new ArrayList<>())
                    .add(s);
        }
        List<TelemetryPoint> points = new ArrayList<>();
        groups.forEach((start, group) -> points.add(new TelemetryPoint(
                start,
                bucketMs,
                group.size(),
                mean(group, CycleSnapshot::gridKw),
                min(group, CycleSnapshot::gridKw),
                max(group, CycleSnapshot::gridKw),
                mean(group, CycleSnapshot::batteryKw),
                min(group, CycleSnapshot::batteryKw),
                max(group, CycleSnapshot::batteryKw),
                mean(group, CycleSnapshot::setpointKw),
                mean(group, CycleSnapshot::loadKw),
                mean(group, CycleSnapshot::soc),
                mean(group, CycleSnapshot::frequencyHz))));
        return points;
    }

    /** Each cycle as a raw point: min = max = mean, one sample. */
    static List<TelemetryPoint> raw(List<CycleSnapshot> cycles, long periodMs) {
        return cycles.stream()
                .map(s -> new TelemetryPoint(
                        s.epochMs(),
                        periodMs,
                        1,
                        s.gridKw(),
                        s.gridKw(),
                        s.gridKw(),
                        s.batteryKw(),
                        s.batteryKw(),
                        s.batteryKw(),
                        s.setpointKw(),
                        s.loadKw(),
                        s.soc(),
                        s.frequencyHz()))
                .toList();
    }

    /** Equal but for rounding in the means; NaN only where NaN is expected. */
    static void assertClose(List<TelemetryPoint> actual, List<TelemetryPoint> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            TelemetryPoint a = actual.get(i);
            TelemetryPoint e = expected.get(i);
            assertThat(new long[] {a.epochMs(), a.resolutionMs(), a.samples()})
                    .as("point %d: start, size, samples", i)
                    .containsExactly(e.epochMs(), e.resolutionMs(), e.samples());
            double[] av = values(a);
            double[] ev = values(e);
            for (int k = 0; k < av.length; k++) {
                if (Double.isNaN(ev[k])) {
                    assertThat(av[k]).as("point %d value %d of %s", i, k, a).isNaN();
                } else {
                    assertThat(av[k])
                            .as("point %d value %d of %s", i, k, a)
                            .isCloseTo(ev[k], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(ev[k]))));
                }
            }
        }
    }

    private static double[] values(TelemetryPoint p) {
        return new double[] {
            p.gridKw(),
            p.gridMinKw(),
            p.gridMaxKw(),
            p.batteryKw(),
            p.batteryMinKw(),
            p.batteryMaxKw(),
            p.setpointKw(),
            p.loadKw(),
            p.soc(),
            p.frequencyHz()
        };
    }

    private static double mean(List<CycleSnapshot> group, ToDoubleFunction<CycleSnapshot> reading) {
        return group.stream()
                .mapToDouble(reading)
                .filter(v -> !Double.isNaN(v))
                .average()
                .orElse(Double.NaN);
    }

    private static double min(List<CycleSnapshot> group, ToDoubleFunction<CycleSnapshot> reading) {
        return group.stream()
                .mapToDouble(reading)
                .filter(v -> !Double.isNaN(v))
                .min()
                .orElse(Double.NaN);
    }

    private static double max(List<CycleSnapshot> group, ToDoubleFunction<CycleSnapshot> reading) {
        return group.stream()
                .mapToDouble(reading)
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(Double.NaN);
    }
}
