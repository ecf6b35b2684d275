package dev.chikuden.profile;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.TimeGrid;

/**
 * A recorded series played on the study's grid: already on the study step (see
 * {@link dev.chikuden.trace.Trace#onGrid}), scaled, and either required to cover the whole study
 * or repeated from its start.
 */
public final class TraceProfile implements Profile {
    private final double[] kw;
    private final long offsetSteps;
    private final boolean repeat;

    /**
     * @param source what to name in errors (the file)
     * @param scale  factor applied to every value (unit conversion, scaling a node to a campus)
     */
    public TraceProfile(String source, FixedStepSeries s, TimeGrid grid, double scale, boolean repeat) {
        if (s.stepMs() != grid.stepMs()) {
            throw new IllegalArgumentException(
                    "the trace's step " + s.stepMs() + " ms is not the study's " + grid.stepMs());
        }
        long offsetMs = grid.startEpochMs() - s.startEpochMs();
        if (!repeat && (offsetMs < 0 || offsetMs % grid.stepMs() != 0)) {
            throw new BadInputException(
                    source + ": the trace starts at " + java.time.Instant.ofEpochMilli(s.startEpochMs())
                            + ", which is not on the study's time grid starting at " + grid.start()
                            + "; set repeat: true to play it from its first value instead");
        }
        this.offsetSteps = repeat ? 0 : offsetMs / grid.stepMs();
        if (!repeat && offsetSteps + grid.steps() > s.size()) {
            throw new BadInputException(source + ": the trace covers " + s.size() + " steps of " + grid.stepMs()
                    + " ms from its start, the study needs " + (offsetSteps + grid.steps())
                    + "; supply a longer trace or set repeat: true");
        }
        this.kw = s.values();
        for (int i = 0; i < kw.length; i++) {
            kw[i] *= scale;
        }
        this.repeat = repeat;
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        if (!repeat) {
            System.arraycopy(kw, (int) (offsetSteps + firstStep), out, 0, count);
            return;
        }
        int pos = (int) (firstStep % kw.length);
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, kw.length - pos);
            System.arraycopy(kw, pos, out, done, n);
            done += n;
            pos = 0;
        }
    }
}
