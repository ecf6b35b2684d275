package dev.chikuden.aging;

import java.util.ArrayList;
import java.util.List;

/** Runs an aging model over a duty and samples the relative capacity on chosen days. */
public final class AgingRun {
    /** Relative capacity after {@code day} days of duty. */
    public record Point(double day, double relativeCapacity) {}

    /** The sampled points, then where the duty left the model's range. */
    public record Result(String model, List<Point> points, Point end, List<String> warnings) {}

    private AgingRun() {}

    /**
     * Feeds the duty sample by sample (the first sample is the state at time 0) and records the
     * capacity after each whole day listed in {@code days}; the end point includes a last partial day.
     */
    public static Result run(AgingModel model, DutyProfile duty, double[] days) {
        AgingModel.Cohort cohort = model.newCohort();
        List<AgingModel.Cohort> cohorts = List.of(cohort);
        List<Point> points = new ArrayList<>();
        int next = 0;
        model.addStep(duty.soc()[0], duty.temperatureC()[0], 0);
        for (int i = 1; i < duty.size(); i++) {
            model.addStep(duty.soc()[i], duty.temperatureC()[i], duty.timeS()[i] - duty.timeS()[i - 1]);
            if (model.chunkComplete()) {
                model.applyChunk(cohorts);
                while (next < days.length && model.daysApplied() >= days[next] - 1e-9) {
                    points.add(new Point(days[next], cohort.relativeCapacity()));
                    next++;
                }
            }
        }
        model.finishDuty();
        model.applyChunk(cohorts);
        return new Result(
                model.name(),
                points,
                new Point(model.daysApplied(), cohort.relativeCapacity()),
                model.validityWarnings());
    }
}
