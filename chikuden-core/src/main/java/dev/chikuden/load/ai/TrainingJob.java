package dev.chikuden.load.ai;

/**
 * A synchronous AI training job as its power sees it (Choukse et al., "Power Stabilization for AI
 * Training Datacenters", 2025): every iteration has a compute phase near TDP and a communication
 * phase near idle, all GPUs in step; checkpoints pause training at a low power; the job starts and
 * stops with ramps and, at random, fails as a whole and restarts after a delay.
 *
 * @param name                  identifies the job
 * @param gpus                  number of GPUs
 * @param gpuTdpW               power of one GPU in the compute phase
 * @param hostWPerGpu           CPUs, memory, network and fans per GPU, constant while the job runs
 * @param communicationFraction GPU power in the communication phase, as a fraction of TDP
 * @param idleFraction          GPU power when the job is not running (stopped, failed), fraction of TDP
 * @param iterationPeriodS      mean length of an iteration
 * @param jitterFraction        standard deviation of each iteration's length, as a fraction of the period
 * @param computeFraction       share of an iteration spent in the compute phase
 * @param phaseOffsetS          where the first iteration starts after the job starts
 * @param periodDrift           relative offset of this job's period (desynchronises jobs of one campus)
 * @param checkpointEveryS      training time between checkpoints (infinite for none)
 * @param checkpointDurationS   length of a checkpoint
 * @param checkpointFraction    GPU power during a checkpoint, fraction of TDP
 * @param startS                when the job starts, seconds after the study start
 * @param stopS                 when it stops (infinite for never)
 * @param rampS                 start, restart and stop ramp length
 * @param failuresPerDay        mean rate of whole-job failures while training (Poisson)
 * @param restartAfterS         time from a failure to the restart
 * @param smoothing             optional GPU-side power smoothing, null for none
 * @param seed                  makes jitter and failures reproducible
 */
public record TrainingJob(
        String name,
        int gpus,
        double gpuTdpW,
        double hostWPerGpu,
        double communicationFraction,
        double idleFraction,
        double iterationPeriodS,
        double jitterFraction,
        double computeFraction,
        double phaseOffsetS,
        double periodDrift,
        double checkpointEveryS,
        double checkpointDurationS,
        double checkpointFraction,
        double startS,
        double stopS,
        double rampS,
        double failuresPerDay,
        double restartAfterS,
        GpuSmoothing smoothing,
        long seed) {

    /**
     * GPU-side smoothing, as vendors offer it: a power floor while training and a limit on how fast
     * a GPU's power may change. It spends energy (the floor burns power in communication phases)
     * instead of a battery.
     *
     * @param floorFraction minimum GPU power while training, fraction of TDP
     * @param rampWPerS     largest change of one GPU's power per second
     */
    public record GpuSmoothing(double floorFraction, double rampWPerS) {}

    /** Peak job power: every GPU at TDP plus the hosts, kW. */
    public double peakKw() {
        return gpus * (gpuTdpW + hostWPerGpu) / 1000;
    }
}
