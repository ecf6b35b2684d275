package dev.chikuden.load.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.battery.PiecewiseLinear;
import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiCampusLoadTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** 1,000 GPUs of 700 W, hosts 500 W each, 2 s iterations 70 % compute, communication at 25 % TDP. */
    static TrainingJob job(
            double jitter, double checkpointEveryS, double failuresPerDay, TrainingJob.GpuSmoothing s, long seed) {
        return new TrainingJob(
                "j",
                1000,
                700,
                500,
                0.25,
                0.10,
                2.0,
                jitter,
                0.7,
                0,
                0,
                checkpointEveryS,
                30,
                0.27,
                0,
                Double.POSITIVE_INFINITY,
                1e-9,
                failuresPerDay,
                600,
                s,
                seed);
    }

    static double[] run(List<TrainingJob> jobs, Facility facility, long stepMs, int steps, double ambientC) {
        TimeGrid grid = new TimeGrid(0, stepMs, steps, TOKYO);
        Profile ambient = (f, out, n) -> Arrays.fill(out, 0, n, ambientC);
        double[] out = new double[steps];
        new AiCampusLoad(grid, jobs, Profile.ZERO, ambient, facility).fill(0, out, steps);
        return out;
    }

    @Test
    void computeAndCommunicationPhasesHaveTheConfiguredLevelsAndDuty() {
        double[] kw = run(List.of(job(0, Double.POSITIVE_INFINITY, 0, null, 1)), null, 100, 600, 25);
        double peak = 1000 * (700 + 500) / 1000.0; // 1,200 kW
        double trough = 1000 * (0.25 * 700 + 500) / 1000.0; // 675 kW
        long atPeak = Arrays.stream(kw).filter(v -> Math.abs(v - peak) < 1e-6).count();
        long atTrough =
                Arrays.stream(kw).filter(v -> Math.abs(v - trough) < 1e-6).count();
        assertThat(atPeak + atTrough).isEqualTo(600);
        assertThat(atPeak / 600.0).isCloseTo(0.7, offset(1e-9));
        // the first 1.4 s compute, then 0.6 s communication, repeating every 2 s
        assertThat(kw[0]).isEqualTo(peak, offset(1e-9));
        assertThat(kw[14]).isEqualTo(trough, offset(1e-9));
        assertThat(kw[20]).isEqualTo(peak, offset(1e-9));
    }

    @Test
    void aStepLongerThanAPhaseHoldsTheExactMean() {
        double[] kw = run(List.of(job(0, Double.POSITIVE_INFINITY, 0, null, 1)), null, 1000, 10, 25);
        // every 2 s: 1.4 s at 1,200 and 0.6 s at 675 -> mean over 2 s = 1,042.5 kW
        assertThat((kw[0] + kw[1]) / 2).isCloseTo(1042.5, offset(1e-9));
        assertThat(kw[0]).isCloseTo(1200, offset(1e-9));
        assertThat(kw[1]).isCloseTo(0.4 * 1200 + 0.6 * 675, offset(1e-9));
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        double[] a = run(List.of(job(0.05, 600, 2, null, 7)), null, 100, 20_000, 25);
        double[] b = run(List.of(job(0.05, 600, 2, null, 7)), null, 100, 20_000, 25);
        double[] c = run(List.of(job(0.05, 600, 2, null, 8)), null, 100, 20_000, 25);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void checkpointsDipToTheirConfiguredPower() {
        double[] kw = run(List.of(job(0, 60, 0, null, 1)), null, 1000, 200, 25);
        // after 60 s of training a 30 s checkpoint at 27 % TDP
        assertThat(kw[61]).isCloseTo(1000 * (0.27 * 700 + 500) / 1000.0, offset(1e-9));
        assertThat(kw[89]).isCloseTo(1000 * (0.27 * 700 + 500) / 1000.0, offset(1e-9));
        assertThat(kw[95]).isGreaterThan(600);
    }

    @Test
    void aFailureDropsTheWholeJobWithinAStepAndItRestartsAfterTheDelay() {
        double[] kw = run(List.of(job(0, Double.POSITIVE_INFINITY, 200, null, 3)), null, 1000, 3 * 3600, 25);
        double idle = 1000 * (0.10 * 700 + 500) / 1000.0;
        int first = -1;
        for (int i = 1; i < kw.length; i++) {
            if (Math.abs(kw[i] - idle) < 1e-9 && kw[i - 1] > idle + 100) {
                first = i;
                break;
            }
        }
        assertThat(first).as("a failure within 3 h at 200 per day").isPositive();
        // idle for the 600 s restart delay, then training again
        assertThat(kw[first + 599]).isCloseTo(idle, offset(1e-9));
        assertThat(kw[first + 602]).isGreaterThan(idle + 100);
    }

    @Test
    void gpuSmoothingHoldsAFloorAndCountsItsExtraEnergy() {
        TrainingJob.GpuSmoothing floor = new TrainingJob.GpuSmoothing(0.9, 1e9);
        TimeGrid grid = new TimeGrid(0, 100, 600, TOKYO);
        AiCampusLoad load = new AiCampusLoad(
                grid, List.of(job(0, Double.POSITIVE_INFINITY, 0, floor, 1)), Profile.ZERO, Profile.ZERO, null);
        double[] kw = new double[600];
        load.fill(0, kw, 600);
        assertThat(Arrays.stream(kw).min().orElseThrow()).isCloseTo(1000 * (0.9 * 700 + 500) / 1000.0, offset(1e-9));
        // 60 s: 30 % of the time in communication, lifted from 25 % to 90 % of 700 W on 1,000 GPUs
        double expectedKwh = 1000 * (0.9 - 0.25) * 700 / 1000.0 * 0.3 * 60 / 3600;
        assertThat(load.smoothingExtraEnergyKwh()).isCloseTo(expectedKwh, offset(1e-9));
    }

    @Test
    void aRampLimitSlowsTheSwings() {
        TrainingJob.GpuSmoothing ramp = new TrainingJob.GpuSmoothing(0, 1000); // 1 kW/s per GPU
        double[] kw = run(List.of(job(0, Double.POSITIVE_INFINITY, 0, ramp, 1)), null, 100, 600, 25);
        for (int i = 1; i < kw.length; i++) {
            assertThat(Math.abs(kw[i] - kw[i - 1])).isLessThanOrEqualTo(1000 * 1000 * 0.1 / 1000 + 1e-9);
        }
    }

    @Test
    void theFacilityAddsPueOfTheLaggedItLoadAndFixedLoads() {
        Facility f = new Facility(new PiecewiseLinear(new double[] {0, 35}, new double[] {1.15, 1.35}), 200, 300);
        double[] kw = run(List.of(job(0, Double.POSITIVE_INFINITY, 0, null, 1)), f, 1000, 3600, 20);
        double pue = 1.15 + 0.2 * 20 / 35;
        // an hour on, cooling follows the mean IT load (1,042.5 kW); the swing passes through undamped
        double meanIt = 1042.5;
        double lastTwo = (kw[3598] + kw[3599]) / 2;
        assertThat(lastTwo).isCloseTo(meanIt * pue + 200, offset(1.0));
    }

    @Test
    void chunksInOrderGiveTheSameTraceAsOnePass() {
        List<TrainingJob> jobs = List.of(job(0.03, 300, 5, new TrainingJob.GpuSmoothing(0.5, 2000), 11));
        TimeGrid grid = new TimeGrid(0, 100, 50_000, TOKYO);
        double[] whole = new double[50_000];
        new AiCampusLoad(grid, jobs, Profile.ZERO, Profile.ZERO, null).fill(0, whole, 50_000);
        AiCampusLoad chunked = new AiCampusLoad(grid, jobs, Profile.ZERO, Profile.ZERO, null);
        double[] part = new double[777];
        for (int first = 0; first < 50_000; first += 777) {
            int n = Math.min(777, 50_000 - first);
            chunked.fill(first, part, n);
            for (int i = 0; i < n; i++) {
                assertThat(part[i]).isEqualTo(whole[first + i]);
            }
        }
    }
}
