package dev.chikuden.ems.runtime;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.site.StrategySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.LongToDoubleFunction;

/**
 * A runtime on a manual clock against a {@link FakeSite}: the test steps cycles one by one. The
 * failsafe executor runs its writes at once on the calling thread, so what the watchdog and the
 * shutdown write is there as soon as they return.
 */
final class Rig implements AutoCloseable {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** A slot start: 10:00 JST on a Monday. */
    static final long T0 =
            ZonedDateTime.of(2025, 8, 4, 10, 0, 0, 0, TOKYO).toInstant().toEpochMilli();

    static final String SITE = """
            name: Test site
            grid:
              contract: 1 MW
            loads:
              - name: base
                type: profile
                base: 800 kW
            batteries:
              - energy: 1 MWh
                power: 500 kW
            study:
              start: 2025-08-04
              duration: 1 d
              step: 1 s
            strategy:
              type: peak-shaving
              dischargeAbove: 900 kW
              chargeBelow: 700 kW
            """;

    final SiteConfig siteConfig;
    final EmsConfig config;
    final ManualClock clock;
    final FakeSite site;
    final MemoryStore store = new MemoryStore();
    final EmsRuntime runtime;
    final List<CycleSnapshot> snapshots = new ArrayList<>();

    Rig(SiteConfig siteConfig, EmsConfig config, LongToDoubleFunction loadKw) {
        this.siteConfig = siteConfig;
        this.config = config;
        this.clock = new ManualClock(T0);
        this.site = new FakeSite(clock, loadKw, config.cycleMs() / 1000.0, siteConfig.batteries());
        ExecutorService direct = new DirectExecutor();
        this.runtime = new EmsRuntime(siteConfig, config, site.units, site.meter, store, clock, direct);
        runtime.onCycle(snapshots::add);
    }

    /**
     * The test site (peak shaving between 700 and 900 kW) with these batteries and this strategy, in
     * a single cycle (no control chain: fast layers decide in the cycle, as before the fast loop); the
     * fast loop's tests give it a chain.
     */
    static SiteConfig site(StrategySpec strategy, BatteryParameters... batteries) {
        SiteConfig base = read(SITE);
        return base.withStrategy(strategy).withBatteries(List.of(batteries)).withControl(null);
    }

    private static SiteConfig baseSite;

    static synchronized SiteConfig read(String yaml) {
        if (yaml.equals(SITE) && baseSite != null) {
            return baseSite;
        }
        try {
            Path file = Files.createTempFile("site", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, yaml);
            SiteConfig s = SiteConfigReader.read(file);
            if (yaml.equals(SITE)) {
                baseSite = s;
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain battery: no losses, no auxiliaries, so what is asked is what is delivered within the limits. */
    static BatteryParameters battery(String name, double energyKwh, double powerKw, double initialSoc) {
        return BatteryParameters.reservoir(name, energyKwh, powerKw, powerKw, 1, 1, 0.1, 0.9, initialSoc, 0);
    }

    static EmsConfig ems(long cycleMs, int silentCycles, double safeSetpointKw, long watchdogMs, SiteConfig site) {
        List<EmsConfig.Endpoint> batteries = new ArrayList<>();
        for (int i = 0; i < site.batteries().size(); i++) {
            batteries.add(new EmsConfig.Endpoint(site.batteries().get(i).name(), "127.0.0.1", 1502, i + 1));
        }
        EmsConfig.Devices devices = new EmsConfig.Devices(
                batteries, new EmsConfig.Endpoint("meter", "127.0.0.1", 1502, 100), 250, 1, 1000, EmsConfig.SUNSPEC);
        return new EmsConfig(
                cycleMs,
                silentCycles,
                safeSetpointKw,
                watchdogMs,
                devices,
                new EmsConfig.Http("127.0.0.1", 8080, "s3cret-token-value", "the site file"),
                new EmsConfig.Store(
                        Path.of("state/telemetry.duckdb"),
                        null,
                        null,
                        null,
                        7 * 86_400_000L,
                        60_000,
                        400 * 86_400_000L),
                Path.of("state/audit.jsonl"),
                Path.of("state"));
    }

    CycleSnapshot step() {
        runtime.step();
        return runtime.latest();
    }

    List<CycleSnapshot> steps(int n) {
        List<CycleSnapshot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(step());
        }
        return out;
    }

    FakeBess unit(int i) {
        return site.units.get(i);
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** Runs each task at once on the submitting thread. */
    static final class DirectExecutor extends java.util.concurrent.AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return true;
        }
    }
}
