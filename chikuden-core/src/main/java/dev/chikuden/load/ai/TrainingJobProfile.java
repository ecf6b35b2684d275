package dev.chikuden.load.ai;

import dev.chikuden.profile.Profile;
import dev.chikuden.time.TimeGrid;
import java.util.SplittableRandom;

/**
 * The power of one {@link TrainingJob} on a study's grid, as the mean over each step (a phase
 * change inside a step is averaged exactly). Deterministic for a seed; state advances step by step,
 * so chunks must come in order (an out-of-order request replays from the start).
 */
final class TrainingJobProfile implements Profile {
    private static final double EPS = 1e-9;
    private final TrainingJob job;
    private final double stepS;

    private SplittableRandom random;
    private long nextStep;
    // the iteration clock, in training time (it pauses in checkpoints and outages)
    private double iterationStart;
    private double iterationLength;
    private double trainingTime;
    private double nextCheckpointAt;
    private double checkpointLeftS;
    private double nextFailureS;
    private double restartAtS;
    private double runningSinceS;
    private double lastGpuW;
    private double extraEnergyKwh;
    private double rawEnergyKwh;

    TrainingJobProfile(TrainingJob job, TimeGrid grid) {
        this.job = job;
        this.stepS = grid.stepSeconds();
        restart();
    }

    private void restart() {
        random = new SplittableRandom(job.seed());
        nextStep = 0;
        iterationStart = job.phaseOffsetS();
        iterationLength = nextIterationLength();
        trainingTime = 0;
        nextCheckpointAt = job.checkpointEveryS();
        checkpointLeftS = 0;
        nextFailureS = job.startS() + nextFailureGap();
        restartAtS = Double.NEGATIVE_INFINITY;
        runningSinceS = job.startS();
        lastGpuW = job.idleFraction() * job.gpuTdpW();
        extraEnergyKwh = 0;
        rawEnergyKwh = 0;
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        if (firstStep != nextStep) {
            restart();
            for (long s = 0; s < firstStep; s++) {
                stepKw(s * stepS);
            }
        }
        for (int i = 0; i < count; i++) {
            out[i] = stepKw((firstStep + i) * stepS);
        }
        nextStep = firstStep + count;
    }

    /** Energy the GPU-side smoothing added over what the raw job would draw, so far. */
    double extraEnergyKwh() {
        return extraEnergyKwh;
    }

    double rawEnergyKwh() {
        return rawEnergyKwh;
    }

    /** Mean power (kW) over the step starting {@code t} seconds after the study start. */
    private double stepKw(double t) {
        double idleW = job.idleFraction() * job.gpuTdpW();
        double gpuW;
        boolean running = t >= job.startS() && t < job.stopS();
        if (running && t >= nextFailureS && restartAtS < t) {
            restartAtS = t + job.restartAfterS(); // the whole job drops at once
            runningSinceS = restartAtS;
            nextFailureS = restartAtS + nextFailureGap();
        }
        if (!running || t < restartAtS) {
            gpuW = idleW;
        } else {
            gpuW = trainingW(stepS);
            double mid = t + stepS / 2; // the ramp's value at the middle of the step is its mean over the step
            double envelope =
                    Math.min(1, Math.min((mid - runningSinceS) / job.rampS(), (job.stopS() - mid) / job.rampS()));
            gpuW = idleW + Math.max(0, envelope) * (gpuW - idleW);
        }
        double rawW = gpuW;
        if (job.smoothing() != null && running && t >= restartAtS) {
            gpuW = Math.max(gpuW, job.smoothing().floorFraction() * job.gpuTdpW());
        }
        if (job.smoothing() != null) {
            double maxChange = job.smoothing().rampWPerS() * stepS;
            gpuW = Math.max(lastGpuW - maxChange, Math.min(lastGpuW + maxChange, gpuW));
        }
        lastGpuW = gpuW;
        double hours = stepS / 3600;
        extraEnergyKwh += job.gpus() * (gpuW - rawW) / 1000 * hours;
        rawEnergyKwh += job.gpus() * rawW / 1000 * hours;
        double hostW = running ? job.hostWPerGpu() : job.hostWPerGpu() * 0.5;
        return job.gpus() * (gpuW + hostW) / 1000;
    }

    /** Mean GPU power over {@code span} seconds of training: iterations and checkpoints. */
    private double trainingW(double span) {
        double tdp = job.gpuTdpW();
        double energy = 0; // W*s
        double left = span;
        while (left > EPS) {
            if (checkpointLeftS > 0) {
                double d = Math.min(left, checkpointLeftS);
                energy += d * job.checkpointFraction() * tdp;
                checkpointLeftS -= d;
                left -= d;
                continue;
            }
            // inside the current iteration: compute first, then communication
            double into = trainingTime - iterationStart;
            double computeEnd = iterationLength * job.computeFraction();
            boolean computing = into < computeEnd - EPS;
            double boundary = computing ? computeEnd : iterationLength;
            double d = Math.max(0, Math.min(left, Math.min(boundary - into, nextCheckpointAt - trainingTime)));
            energy += d * (computing ? 1.0 : job.communicationFraction()) * tdp;
            trainingTime += d;
            left -= d;
            // boundaries are crossed within a nanosecond: far below any step, far above rounding of the clock
            if (trainingTime - iterationStart >= iterationLength - EPS) {
                iterationStart += iterationLength;
                iterationLength = nextIterationLength();
            }
            if (trainingTime >= nextCheckpointAt - EPS) {
                checkpointLeftS = job.checkpointDurationS();
                nextCheckpointAt += job.checkpointEveryS();
            }
        }
        return energy / span;
    }

    private double nextIterationLength() {
        double base = job.iterationPeriodS() * (1 + job.periodDrift());
        double g = Math.max(-3, Math.min(3, gaussian()));
        return Math.max(0.2 * base, base * (1 + job.jitterFraction() * g));
    }

    private double nextFailureGap() {
        if (job.failuresPerDay() <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -Math.log(1 - random.nextDouble()) / (job.failuresPerDay() / 86_400);
    }

    private double gaussian() {
        // Box-Muller from the job's own stream (SplittableRandom has no nextGaussian on Java 17)
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
