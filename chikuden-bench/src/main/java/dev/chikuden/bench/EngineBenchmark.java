package dev.chikuden.bench;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.sim.SimulationResult;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.study.PlanStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine on the bundled 1-second site-year ({@code examples/sakai-year-1s.yaml}, 31,536,000
 * steps): one case on one thread, no result files, heap capped at 1 GiB. The battery model is
 * varied: the plain reservoir, the full physics (PCS curve, tapers, thermal, HVAC) without aging,
 * and the full physics with BLAST-Lite aging as the example configures it; and the control is varied:
 * the simple peak shaving of the year example, or the controller stack of the campus example
 * (reserve, load-drop absorber, demand limiter, grid-code smoothing); and the control chain, none
 * or the one of the site the strategy comes from.
 * Run: {@code java -jar chikuden-bench/target/benchmarks.jar EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class EngineBenchmark {
    @Param({"reservoir", "physics", "physics+aging"})
    String battery;

    /** The simple peak-shaving controller, or the example campus's full controller stack. */
    @Param({"peak-shaving", "stack"})
    String strategy;

    /**
     * Without a control chain (one loop per step, as before chains), or under the chain of the site
     * the strategy comes from (the year's default EMS chain, the campus's plant controller).
     */
    @Param({"none", "site"})
    String chain;

    SiteConfig year;

    @Setup
    public void readSite() {
        SiteConfig site = SiteConfigReader.read(example("sakai-year-1s.yaml"));
        List<BatteryParameters> batteries = site.batteries().stream()
                .map(b -> switch (battery) {
                    case "reservoir" ->
                        BatteryParameters.reservoir(
                                b.name(),
                                b.energyKwh(),
                                b.chargePowerKw(),
                                b.dischargePowerKw(),
                                0.95,
                                0.95,
                                b.socMin(),
                                b.socMax(),
                                b.initialSoc(),
                                b.standbyKw());
                    case "physics" ->
                        new BatteryParameters(
                                b.name(),
                                b.energyKwh(),
                                b.chargePowerKw(),
                                b.dischargePowerKw(),
                                b.socMin(),
                                b.socMax(),
                                b.initialSoc(),
                                b.conversion(),
                                b.limits(),
                                b.standbyKw(),
                                b.thermal(),
                                null,
                                b.endOfLifeSoh(),
                                b.augmentation(),
                                null);
                    default -> b;
                })
                .toList();
        SiteConfig from = strategy.equals("stack") ? SiteConfigReader.read(example("sakai-ai-campus.yaml")) : site;
        year = site.withBatteries(batteries)
                .withStrategy(from.strategy())
                .withControl(chain.equals("none") ? null : from.control());
    }

    /** The year with the battery under the chosen strategy. */
    @Benchmark
    public SimulationResult year1s() {
        return PlanStudy.simulate(year, PlanStudy.Case.WITH_BATTERY, PlanStudy.SinkFactory.NONE);
    }

    static Path example(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("examples").resolve(name))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the project: examples/" + name + " not found above "
                    + Path.of("").toAbsolutePath());
        }
        return p.resolve("examples").resolve(name);
    }
}
