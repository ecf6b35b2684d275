package dev.chikuden.bench;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.battery.BatterySystem;
import dev.chikuden.control.ControlLayer;
import dev.chikuden.control.Controller;
import dev.chikuden.control.ControllerStack;
import dev.chikuden.control.FleetRequest;
import dev.chikuden.control.Measurements;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.fleet.FleetLink;
import dev.chikuden.ems.fleet.FleetMessages;
import dev.chikuden.fleet.service.FleetConfig;
import dev.chikuden.fleet.service.FleetService;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fleet service at a 1-s cycle with {@code sites} simulated sites on loopback: each runs the real
 * {@link FleetLink} (WebSocket, JSON-RPC 2.0, buffering) over its own fleet layer in a two-layer
 * stack (fleet, idle) over a 1 MWh / 500 kW battery, cycling every second, with no Modbus devices
 * behind it. The links share one HTTP client and two threads, as a many-site simulator must.
 *
 * <p>One invocation: a new portfolio request (alternately 40 % of the sites' discharge and charge
 * ratings), then wait until every site has acknowledged a setpoint of it. A new request is split and
 * sent at once, out of turn, so its time is what an aggregator sees from asking to every site holding
 * its share, while the fleet goes on cycling and the sites send their records every second. Requests
 * come 0.3-0.7 s apart (untimed). Every dispatch's time (setpoints sent to the last acknowledgement,
 * the 1-s cycles' included) is printed at the end from the fleet's own {@code ackLatency}.
 * Run: {@code java -jar chikuden-bench/target/benchmarks.jar FleetBenchmark} (about 2 min).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 20)
public class FleetBenchmark {
    static final long CYCLE_MS = 1000;
    static final double POWER_KW = 500;

    @Param({"1000"})
    public int sites;

    private FleetService fleet;
    private final List<SimulatedSite> edges = new ArrayList<>();
    private final List<FleetLink> links = new ArrayList<>();
    private ScheduledExecutorService siteClock;
    private ScheduledExecutorService[] linkThreads;
    private double sign = 1;
    private Path dir;

    /** A site without devices: its stack (fleet over idle) and battery, stepped once a cycle. */
    static final class SimulatedSite {
        final FleetRequest layer = new FleetRequest(0, 2000);
        final ControllerStack stack = new ControllerStack(
                List.<ControlLayer>of(layer, ControllerStack.asLayer(Controller.IDLE)), Double.POSITIVE_INFINITY);
        final BatterySystem battery = new BatterySystem(
                BatteryParameters.reservoir("bess", 1000, POWER_KW, POWER_KW, 0.95, 0.95, 0, 1, 0.5, 0));
        final Measurements m = new Measurements();
        final List<Consumer<CycleSnapshot>> listeners = new CopyOnWriteArrayList<>();
        long cycle;

        SimulatedSite() {
            layer.recordOffers();
        }

        void step(long nowMs) {
            double loadKw = 800;
            m.update(nowMs, CYCLE_MS / 1000.0, loadKw, 0, 60, nowMs, 0);
            double asked = stack.requestKw(m, battery);
            double batteryKw = battery.apply(asked, CYCLE_MS / 1000.0);
            stack.applied(batteryKw, m);
            CycleSnapshot s = new CycleSnapshot(
                    ++cycle,
                    nowMs,
                    EmsState.RUNNING,
                    loadKw - batteryKw,
                    loadKw,
                    60,
                    batteryKw,
                    asked,
                    battery.soc(),
                    "fleet",
                    1,
                    0,
                    0,
                    0);
            for (Consumer<CycleSnapshot> l : listeners) {
                l.accept(s);
            }
        }

        Runnable subscribe(Consumer<CycleSnapshot> l) {
            listeners.add(l);
            return () -> listeners.remove(l);
        }
    }

    @Setup
    public void start() throws Exception {
        dir = Files.createTempDirectory("fleet-bench");
        List<FleetConfig.Site> entries = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            entries.add(new FleetConfig.Site("s" + i, token(i)));
        }
        fleet = FleetService.start(new FleetConfig(
                "bench",
                CYCLE_MS,
                3,
                5,
                "127.0.0.1",
                0,
                "bench-write-token-0123456789",
                entries,
                dir.resolve("audit.jsonl")));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        linkThreads = new ScheduledExecutorService[2];
        for (int k = 0; k < linkThreads.length; k++) {
            linkThreads[k] = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-links");
                t.setDaemon(true);
                return t;
            });
        }
        URI url = URI.create("ws://127.0.0.1:" + fleet.port() + "/edge");
        for (int i = 0; i < sites; i++) {
            SimulatedSite site = new SimulatedSite();
            edges.add(site);
            EmsConfig.FleetLink config = new EmsConfig.FleetLink(url, "s" + i, token(i), 3600, 30_000);
            FleetMessages.Hello hello = new FleetMessages.Hello("s" + i, token(i), i, POWER_KW, POWER_KW, 2000);
            links.add(new FleetLink(
                            hello,
                            config,
                            site.layer,
                            site::subscribe,
                            prices -> {},
                            new FleetLink.Transport(http, linkThreads[i % linkThreads.length]),
                            false)
                    .connectNow());
        }
        siteClock = Executors.newSingleThreadScheduledExecutor();
        siteClock.scheduleAtFixedRate(
                () -> {
                    long now = System.currentTimeMillis();
                    for (SimulatedSite s : edges) {
                        s.step(now);
                    }
                },
                0,
                CYCLE_MS,
                TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fleet.cycles(1).isEmpty()
                || fleet.cycles(1).get(0).sites().stream()
                                .filter(s -> s.fresh())
                                .count()
                        < sites) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every site linked within 60 s: "
                        + fleet.received().stream().filter(r -> r.connected()).count() + " connected");
            }
            Thread.sleep(100);
        }
    }

    static String token(int i) {
        return "bench-site-token-" + i + "-0123456789";
    }

    /** Requests arrive about twice a second at a random phase of the cycle, not back to back (untimed). */
    @Setup(Level.Invocation)
    public void pace() throws InterruptedException {
        Thread.sleep(300 + java.util.concurrent.ThreadLocalRandom.current().nextInt(400));
    }

    @Benchmark
    public long requestToEverySitesAcknowledgedSetpoint() throws InterruptedException {
        sign = -sign;
        long id = fleet.request(sign * 0.4 * POWER_KW * sites, System.currentTimeMillis() + 600_000, "bench")
                .id();
        while (true) {
            boolean all = true;
            for (FleetService.Received r : fleet.received()) {
                if (r.ackedId() / FleetService.CYCLES_PER_REQUEST != id) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return id;
            }
            Thread.sleep(1);
        }
    }

    @TearDown
    public void stop() throws Exception {
        var latency = fleet.ackLatency();
        System.out.printf(
                "%nfleet dispatch (setpoints sent to the last of %d sites acknowledging): %d dispatches, p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms; records missing: %d%n",
                sites,
                latency.dispatches(),
                latency.p50Ms(),
                latency.p99Ms(),
                latency.maxMs(),
                fleet.received().stream()
                        .mapToLong(FleetService.Received::missing)
                        .sum());
        siteClock.shutdownNow();
        for (FleetLink l : links) {
            l.close();
        }
        for (ScheduledExecutorService t : linkThreads) {
            t.shutdownNow();
        }
        fleet.close();
    }
}
