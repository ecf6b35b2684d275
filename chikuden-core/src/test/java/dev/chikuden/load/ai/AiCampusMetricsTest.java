package dev.chikuden.load.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.gridcode.GridCodeMeter;
import dev.chikuden.gridcode.GridCodeMetrics;
import dev.chikuden.gridcode.GridCodeRules;
import dev.chikuden.gridcode.GridCodeSettings;
import dev.chikuden.profile.Profile;
import dev.chikuden.time.FixedStepSeries;
import dev.chikuden.time.TimeGrid;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid-code metrics, run on the generator's output, recover what the generator was told. */
class AiCampusMetricsTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** 10,000 GPUs of 700 W (+500 W host), communication at 25 % TDP. */
    static TrainingJob job(double periodS, double computeShare, double failuresPerDay, long seed) {
        return new TrainingJob(
                "j",
                10_000,
                700,
                500,
                0.25,
                0.10,
                periodS,
                0.0,
                computeShare,
                0,
                0,
                Double.POSITIVE_INFINITY,
                30,
                0.27,
                0,
                Double.POSITIVE_INFINITY,
                1e-9,
                failuresPerDay,
                600,
                null,
                seed);
    }

    static GridCodeMetrics metrics(TrainingJob job, long stepMs, int steps, double dropKw, double[] keep) {
        TimeGrid grid = new TimeGrid(0, stepMs, steps, TOKYO);
        double[] kw = new double[steps];
        new AiCampusLoad(grid, List.of(job), Profile.ZERO, Profile.ZERO, null).fill(0, kw, steps);
        if (keep != null) {
            System.arraycopy(kw, 0, keep, 0, steps);
        }
        GridCodeRules rules = GridCodeRules.none(new GridCodeSettings(60, 0.1, 20, dropKw, 1));
        return GridCodeMeter.of(new FixedStepSeries(0, stepMs, kw), TOKYO, rules)
                .metrics();
    }

    @Test
    void theSpectrumFindsTheIterationPeriod() {
        GridCodeMetrics m = metrics(job(2.4, 0.7, 0, 1), 100, 36_000, 1e12, null);
        assertThat(m.dominantFrequencyHz()).isCloseTo(1 / 2.4, offset(m.frequencyResolutionHz()));
        assertThat(m.bandEnergyShare()).isGreaterThan(0.9);
    }

    @Test
    void theSwingAndTheDutyAreThoseConfigured() {
        double[] kw = new double[36_000];
        GridCodeMetrics m = metrics(job(2.0, 0.6, 0, 1), 100, 36_000, 1e12, kw);
        double swing = 10_000 * 700 * (1 - 0.25) / 1000.0; // 5,250 kW between the phases
        double max = Arrays.stream(kw).max().orElseThrow();
        double min = Arrays.stream(kw).min().orElseThrow();
        assertThat(max - min).isCloseTo(swing, offset(1e-6));
        double mid = (max + min) / 2;
        assertThat(Arrays.stream(kw).filter(v -> v > mid).count() / (double) kw.length)
                .isCloseTo(0.6, offset(0.01));
        // a phase change inside one 100 ms step at most: the 1-s ramp is the whole swing per second
        assertThat(m.maxRampUpKwPerS()).isCloseTo(swing, offset(1e-6));
    }

    @Test
    void aFailureDropShowsAsALoadDropEvent() {
        TrainingJob failing = job(2.0, 0.7, 48, 5); // about one failure every half hour
        GridCodeMetrics m = metrics(failing, 100, 36_000, 4_000, null);
        // a failure takes the job from its phase level to idle at once: more than 4 MW within 1 s
        assertThat(m.loadDropEvents()).isGreaterThanOrEqualTo(1);
        assertThat(m.largestDropKw()).isCloseTo(10_000 * (700 - 70) / 1000.0, offset(1e-6));
        GridCodeMetrics steady = metrics(job(2.0, 0.7, 0, 5), 100, 36_000, 6_000, null);
        assertThat(steady.loadDropEvents()).isZero(); // the phase swing (5.25 MW) is below 6 MW
    }
}
