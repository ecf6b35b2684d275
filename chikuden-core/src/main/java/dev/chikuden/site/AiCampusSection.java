package dev.chikuden.site;

import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.load.ai.Facility;
import dev.chikuden.load.ai.TrainingJob;
import dev.chikuden.units.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Reads a load of {@code type: ai-campus}: training jobs, inference, facility. */
final class AiCampusSection {
    private AiCampusSection() {
    }

    static AiCampusLoadSpec read(YamlMap m, String name) {
        double seed = m.number("seed", 1, -9.0e15, 9.0e15);
        boolean synchronised = m.bool("synchronised", false);
        YamlMap smoothingMap = m.map("gpuSmoothing");
        TrainingJob.GpuSmoothing smoothing = null;
        if (m.has("gpuSmoothing")) {
            double floor = smoothingMap.fraction("floor", 0, 0, 1, false, "a power floor");
            double ramp = smoothingMap.positive("ramp", Dimension.POWER_RATE, Double.POSITIVE_INFINITY, true);
            smoothing = Double.isNaN(floor) || Double.isNaN(ramp) ? null
                    : new TrainingJob.GpuSmoothing(floor, ramp * 1000); // kW/s -> W/s per GPU
        }
        smoothingMap.finish();
        // jobs that are not synchronised start at random phases and run at slightly different speeds
        SplittableRandom random = new SplittableRandom((long) (Double.isNaN(seed) ? 1 : seed));
        List<TrainingJob> jobs = new ArrayList<>();
        List<YamlMap> jobMaps = m.maps("training", false, "training jobs");
        for (int i = 0; i < jobMaps.size(); i++) {
            TrainingJob j = job(jobMaps.get(i), i, smoothing, synchronised, random, (long) (Double.isNaN(seed) ? 1 : seed));
            if (j != null) {
                jobs.add(j);
            }
        }
        DailyProfileLoadSpec inference = null;
        if (m.has("inference")) {
            YamlMap inf = m.map("inference");
            double base = inf.positive("base", Dimension.POWER, Double.NaN, false);
            double[] daily = inf.numbers("daily");
            if (daily != null && daily.length != 24) {
                inf.problem("daily", "has " + daily.length + " values; give 24 factors, one per local hour 0-23");
                daily = null;
            } else if (daily == null && !inf.has("daily")) {
                daily = INFERENCE_DAY;
            }
            double weekend = inf.number("weekendFactor", 0.9, 0, 10);
            double noise = inf.fraction("noise", 0.02, 0, 0.5, false, "noise (standard deviation over load)");
            inf.finish();
            if (daily != null && !Double.isNaN(base)) {
                inference = new DailyProfileLoadSpec(name + "/inference", base, daily, weekend, noise,
                        (long) (Double.isNaN(seed) ? 1 : seed) + 1000);
            }
        }
        Facility facility = null;
        if (m.has("facility")) {
            YamlMap f = m.map("facility");
            double[][] pue = f.points("pue", Dimension.TEMPERATURE, Dimension.NUMBER);
            if (pue == null && f.raw("pue") == null) {
                f.problem(null, f.at("pue"), "is required: points [ambient °C, PUE] such as [[0 °C, 1.15], [35 °C, 1.35]]");
            }
            if (pue != null) {
                for (double v : pue[1]) {
                    if (v < 1 || v > 3) {
                        f.problem("pue", "PUE " + v + " is outside 1..3");
                        pue = null;
                        break;
                    }
                }
            }
            double fixed = f.positive("fixed", Dimension.POWER, 0, false);
            double lag = f.positive("lag", Dimension.DURATION, 300, true);
            f.finish();
            if (pue != null && !Double.isNaN(fixed) && !Double.isNaN(lag)) {
                facility = new Facility(new PiecewiseLinear(pue[0], pue[1]), fixed, lag);
            }
        }
        if (jobMaps.isEmpty() && !m.has("inference")) {
            m.problem(null, m.at("training"), "an ai-campus load needs training jobs, inference or both");
        }
        return new AiCampusLoadSpec(name, List.copyOf(jobs), inference, facility);
    }

    /** Inference traffic in Japan: low before dawn, high in the evening (factors on the base). */
    private static final double[] INFERENCE_DAY = {0.75, 0.68, 0.62, 0.58, 0.56, 0.58, 0.66, 0.78, 0.90, 0.98, 1.02,
            1.05, 1.06, 1.05, 1.04, 1.04, 1.06, 1.10, 1.16, 1.22, 1.26, 1.24, 1.12, 0.92};

    private static TrainingJob job(YamlMap j, int index, TrainingJob.GpuSmoothing smoothing, boolean synchronised,
                                   SplittableRandom random, long seed) {
        String name = j.text("name", "job-" + (index + 1));
        double gpus = j.number("gpus", Double.NaN, 1, 10_000_000);
        double tdp = j.positive("gpuPower", Dimension.POWER, 0.7, true) * 1000;
        double host = j.positive("hostPower", Dimension.POWER, 0.5, false) * 1000;
        double comm = j.fraction("communicationPower", 0.25, 0, 1, false, "a communication-phase power");
        double idle = j.fraction("idlePower", 0.10, 0, 1, false, "an idle power");
        double period = j.positive("iterationPeriod", Dimension.DURATION, 2, true);
        double jitter = j.fraction("jitter", 0.01, 0, 0.5, false, "a jitter");
        double compute = j.fraction("computeShare", 0.7, 0, 1, true, "a compute share");
        double drawnOffset = synchronised ? 0 : random.nextDouble() * (Double.isNaN(period) ? 1 : period);
        double drawnDrift = synchronised ? 0 : (random.nextDouble() - 0.5) * 0.002;
        double offset = j.positive("phaseOffset", Dimension.DURATION, drawnOffset, false);
        double drift = j.fraction("periodDrift", drawnDrift, -0.5, 0.5, false, "a period drift");
        YamlMap cp = j.map("checkpoint");
        double every = cp.positive("every", Dimension.DURATION, Double.POSITIVE_INFINITY, true);
        double cpDuration = cp.positive("duration", Dimension.DURATION, 40, true);
        double cpPower = cp.fraction("power", 0.27, 0, 1, false, "a checkpoint power");
        cp.finish();
        double start = j.positive("start", Dimension.DURATION, 0, false);
        double stop = j.positive("stop", Dimension.DURATION, Double.POSITIVE_INFINITY, true);
        double ramp = j.positive("ramp", Dimension.DURATION, 30, true);
        YamlMap fail = j.map("failures");
        double perDay = fail.number("perDay", 0, 0, 10_000);
        double restart = fail.positive("restartAfter", Dimension.DURATION, 600, false);
        fail.finish();
        j.finish();
        double[] all = {gpus, tdp, host, comm, idle, period, jitter, compute, offset, drift, every, cpDuration, cpPower,
                start, stop, ramp, perDay, restart};
        for (double v : all) {
            if (Double.isNaN(v)) {
                return null;
            }
        }
        if (gpus != Math.rint(gpus)) {
            j.problem("gpus", "\"" + j.text("gpus", "") + "\" is not a whole number of GPUs");
            return null;
        }
        return new TrainingJob(name, (int) gpus, tdp, host, comm, idle, period, jitter, compute, offset, drift, every,
                cpDuration, cpPower, start, stop, ramp, perDay, restart, smoothing, seed * 7919 + index);
    }
}
