package dev.chikuden.bench;

import dev.chikuden.battery.Battery;
import dev.chikuden.control.Measurements;
import dev.chikuden.control.PowerWindow;
import dev.chikuden.optimize.DispatchProblem;
import dev.chikuden.optimize.SiteDispatch;
import dev.chikuden.optimize.Solver;
import dev.chikuden.optimize.mpc.Forecaster;
import dev.chikuden.optimize.mpc.RollingHorizonController;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.study.SiteModels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm MPC re-solve: a 96-period (48 h) horizon of the two-week MPC example
 * ({@code examples/sakai-mpc.yaml}) cut from the study, forecast (seasonal-naive), set into the one
 * reusable LP model, solved by HiGHS and read back, as at each replan of a study. Each call plans
 * from the next half-hour, so every solve has new numbers. Target: 20 ms or less.
 * Run: {@code java -jar chikuden-bench/target/benchmarks.jar MpcResolve}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MpcResolveBenchmark {
    private static final int HORIZON = 96;

    private RollingHorizonController mpc;
    private Battery battery;
    private final Measurements m = new Measurements();
    private final PowerWindow window = new PowerWindow();
    private long startEpochMs;
    private long periodMs;
    private int periods;
    private int next;

    @Setup
    public void build() {
        SiteConfig site = SiteConfigReader.read(EngineBenchmark.example("sakai-mpc.yaml"));
        DispatchProblem study = SiteDispatch.problem(site, 0);
        mpc = new RollingHorizonController(study, Forecaster.seasonalNaive(48), HORIZON, 1, Solver.HIGHS);
        battery = SiteModels.battery(site);
        startEpochMs = study.startEpochMs();
        periodMs = study.periodMs();
        periods = study.periods();
    }

    /** Replans at the start of the next period (never the last: its plan releases the model). */
    @Benchmark
    public double resolve() {
        long t = startEpochMs + next * periodMs;
        next = (next + 1) % (periods - 1);
        mpc.control(m.update(t, 10, 128_000, 0, 60, t, 0), battery, window);
        return window.preferredKw();
    }
}
