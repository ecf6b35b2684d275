package dev.chikuden.site;

import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.load.ai.Facility;
import dev.chikuden.load.ai.TrainingJob;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Makes a load of {@code type: ai-campus}: training jobs, inference, facility. */
final class AiCampusSection {
    /** Inference traffic in Japan: low before dawn, high in the evening (factors on the base). */
    private static final double[] INFERENCE_DAY = {
        0.75, 0.68, 0.62, 0.58, 0.56, 0.58, 0.66, 0.78, 0.90, 0.98, 1.02, 1.05, 1.06, 1.05, 1.04, 1.04, 1.06, 1.10,
        1.16, 1.22, 1.26, 1.24, 1.12, 0.92
    };

    private AiCampusSection() {}

    /** The load, or null after a problem. */
    static AiCampusLoadSpec read(SiteFile.AiCampus a, ConfigNode at, String name) {
        List<SiteFile.Job> training = a.training() == null ? List.of() : a.training();
        if (training.isEmpty() && a.inference() == null) {
            at.get("training").problem("an ai-campus load needs training jobs, inference or both");
        }
        List<TrainingJob> jobs = new ArrayList<>();
        // jobs that are not synchronised start at random phases and run at slightly different speeds
        SplittableRandom random = new SplittableRandom(a.seed());
        for (int i = 0; i < training.size(); i++) {
            jobs.add(job(training.get(i), at.get("training").get(i), i, a, random));
        }
        DailyProfileLoadSpec inference = null;
        if (a.inference() != null) {
            SiteFile.Inference inf = a.inference();
            inference = new DailyProfileLoadSpec(
                    name + "/inference",
                    inf.base(),
                    inf.daily() == null ? INFERENCE_DAY : inf.daily(),
                    inf.weekendFactor(),
                    inf.noise(),
                    a.seed() + 1000);
        }
        Facility facility = a.facility() == null
                ? null
                : facility(a.facility(), at.get("facility").get("pue"));
        return at.clean() ? new AiCampusLoadSpec(name, List.copyOf(jobs), inference, facility) : null;
    }

    /** GPU-side smoothing (kW/s of the file to W/s of one GPU), or null for none. */
    static TrainingJob.GpuSmoothing smoothing(SiteFile.GpuSmoothing s) {
        return s == null
                ? null
                : new TrainingJob.GpuSmoothing(
                        s.floor(), s.ramp() == null ? Double.POSITIVE_INFINITY : s.ramp() * 1000);
    }

    private static Facility facility(SiteFile.Facility f, ConfigNode pueAt) {
        double[] x = f.pue().stream().mapToDouble(SiteFile.PuePoint::ambient).toArray();
        double[] y = f.pue().stream().mapToDouble(SiteFile.PuePoint::pue).toArray();
        for (int i = 0; i < x.length; i++) {
            if (i > 0 && !(x[i] > x[i - 1])) {
                pueAt.get(i)
                        .problem("x values must increase: \""
                                + pueAt.get(i).get(0).text() + "\" does not come after the point before");
                return null;
            }
            if (y[i] < 1 || y[i] > 3) {
                pueAt.problem("PUE " + y[i] + " is outside 1..3");
                return null;
            }
        }
        return new Facility(new PiecewiseLinear(x, y), f.fixed(), f.lag());
    }

    private static TrainingJob job(
            SiteFile.Job j, ConfigNode at, int index, SiteFile.AiCampus a, SplittableRandom random) {
        double drawnOffset = a.synchronised() ? 0 : random.nextDouble() * j.iterationPeriod();
        double drawnDrift = a.synchronised() ? 0 : (random.nextDouble() - 0.5) * 0.002;
        if (!at.clean()) {
            return null;
        }
        SiteFile.Checkpoint cp = j.checkpoint();
        return new TrainingJob(
                j.name() != null ? j.name() : "job-" + (index + 1),
                j.gpus(),
                j.gpuPower() * 1000,
                j.hostPower() * 1000,
                j.communicationPower(),
                j.idlePower(),
                j.iterationPeriod(),
                j.jitter(),
                j.computeShare(),
                j.phaseOffset() != null ? j.phaseOffset() : drawnOffset,
                j.periodDrift() != null ? j.periodDrift() : drawnDrift,
                cp.every() != null ? cp.every() : Double.POSITIVE_INFINITY,
                cp.duration(),
                cp.power(),
                j.start(),
                j.stop() != null ? j.stop() : Double.POSITIVE_INFINITY,
                j.ramp(),
                j.failures().perDay(),
                j.failures().restartAfter(),
                smoothing(a.gpuSmoothing()),
                a.seed() * 7919 + index);
    }
}
