package dev.chikuden.ems.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.FleetOffer;
import dev.chikuden.control.FleetRequest;
import dev.chikuden.control.PriceSignals;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import dev.chikuden.ems.fleet.FleetMessages.Ack;
import dev.chikuden.ems.fleet.FleetMessages.EdgeRecord;
import dev.chikuden.ems.fleet.FleetMessages.Hello;
import dev.chikuden.ems.fleet.FleetMessages.Records;
import dev.chikuden.ems.fleet.FleetMessages.Setpoint;
import dev.chikuden.ems.fleet.FleetMessages.SetpointAck;
import dev.chikuden.ems.runtime.EmsRuntime;
import dev.chikuden.site.SiteConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The site's side of the fleet link: it connects out to the fleet (so a site behind NAT needs no open
 * port), says who it is, sends every supervisory cycle's record with the offer its fleet layer saw,
 * and hands the fleet's setpoints to that layer. While the link is down the records wait in a bounded
 * buffer; on reconnect the fleet says the last one it holds and the rest are resent, so a cut loses
 * nothing the buffer holds.
 *
 * <p>All the link's work runs on one thread of its own; the cycle thread only posts its snapshot.
 */
public final class FleetLink implements AutoCloseable {
    /** Records per message: about 40 kB of JSON, well inside a WebSocket server's default 64 kB frame limit. */
    static final int BATCH = 100;

    /** A hello unanswered this long: the connection is dropped and made again. */
    static final long HELLO_TIMEOUT_MS = 5_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FleetLink.class);
    static final long FIRST_BACKOFF_MS = 200;
    static final long MAX_BACKOFF_MS = 5_000;

    /**
     * What a link runs on: the WebSocket client and the one thread that serialises its work. A site
     * has its own; many simulated sites in one JVM share a few (a link stays on one thread, so its
     * order holds).
     */
    public record Transport(HttpClient http, ScheduledExecutorService thread) {
        /** A client and a thread of the link's own, closed with it. */
        public static Transport own() {
            return new Transport(
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build(),
                    Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "fleet-link");
                        t.setDaemon(true);
                        return t;
                    }));
        }
    }

    private final EmsConfig.FleetLink config;
    private final FleetRequest layer;
    private final Consumer<List<PriceSignals.Interval>> prices;
    private final Hello hello;
    private final ObjectMapper json = Rpc.mapper();
    private final ScheduledExecutorService thread;
    private final boolean ownThread;
    private final Runnable unsubscribe;
    // only touched on the link's thread
    private final ArrayDeque<EdgeRecord> buffer = new ArrayDeque<>();
    private volatile long nextSeq;
    private long sentUpTo = -1;
    private long nextRpcId = 1;
    private FleetChannel channel;
    private final FleetChannel.Opener opener;
    private boolean ready;
    private long backoffMs = FIRST_BACKOFF_MS;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile long dropped;
    private volatile List<PriceSignals.Interval> pricesHeld = List.of();
    private volatile long acknowledged = -1;
    private volatile boolean closed;

    /**
     * @param layer the site's fleet layer: its offers go out, the fleet's setpoints go in
     * @param cycles subscribes a listener to the site's cycles and answers how to unsubscribe
     * @param prices takes the energy prices the fleet signals
     */
    public FleetLink(
            Hello hello,
            EmsConfig.FleetLink config,
            FleetRequest layer,
            Function<Consumer<CycleSnapshot>, Runnable> cycles,
            Consumer<List<PriceSignals.Interval>> prices,
            Transport transport,
            boolean ownTransport) {
        this.prices = prices;
        this.hello = hello;
        this.config = config;
        this.layer = layer;
        this.opener = FleetChannels.opener(config, transport);
        this.thread = transport.thread();
        this.ownThread = ownTransport;
        this.unsubscribe = cycles.apply(s -> {
            if (!closed) {
                thread.execute(() -> record(s));
            }
        });
    }

    /** Starts the link of a live service; it connects, and reconnects after a loss, until closed. */
    public static FleetLink start(SiteConfig site, EmsConfig.FleetLink config, EmsRuntime runtime) {
        FleetRequest layer = runtime.fleetLayer();
        if (layer == null) {
            throw new IllegalStateException("the runtime was started without a fleet layer (ems.fleet not set)");
        }
        Hello hello = new Hello(
                config.site(),
                config.token(),
                new java.security.SecureRandom().nextLong(),
                site.batteries().stream()
                        .mapToDouble(BatteryParameters::chargePowerKw)
                        .sum(),
                site.batteries().stream()
                        .mapToDouble(BatteryParameters::dischargePowerKw)
                        .sum(),
                site.grid() == null ? 0 : site.grid().contractKw());
        return new FleetLink(hello, config, layer, runtime::onCycle, runtime::signalPrices, Transport.own(), true)
                .connectNow();
    }

    /** Starts connecting (and reconnecting after a loss, until closed). */
    public FleetLink connectNow() {
        thread.execute(this::connect);
        return this;
    }

    /** Records dropped because the buffer was full while the link was down. */
    public long droppedRecords() {
        return dropped;
    }

    /** The prices the fleet last signalled, as handed to the site's optimising layers. */
    public List<PriceSignals.Interval> pricesHeld() {
        return pricesHeld;
    }

    /** The number of the last cycle record made, -1 before the first. */
    public long recordedSeq() {
        return nextSeq - 1;
    }

    /** The highest record number the fleet acknowledged, -1 before the first. */
    public long acknowledgedSeq() {
        return acknowledged;
    }

    private void record(CycleSnapshot s) {
        FleetOffer offer = layer.offer();
        FleetRequest.Request held = layer.held();
        boolean holding = held != null && held.expiresAtEpochMs() > s.epochMs();
        if (buffer.size() >= config.bufferRecords()) {
            buffer.pollFirst();
            dropped++;
        }
        buffer.addLast(new EdgeRecord(
                nextSeq++,
                s.epochMs(),
                s.state().name().toLowerCase(java.util.Locale.ROOT),
                s.gridKw(),
                s.loadKw(),
                s.batteryKw(),
                s.setpointKw(),
                s.soc(),
                offer,
                holding ? held.id() : 0,
                holding ? held.kw() : 0));
        flush();
    }

    /** Sends what the fleet has not yet been sent, in batches. */
    private void flush() {
        if (!ready || !sending.isDone()) {
            return;
        }
        List<EdgeRecord> batch = new ArrayList<>();
        for (EdgeRecord r : buffer) {
            if (r.seq() > sentUpTo) {
                batch.add(r);
                if (batch.size() == BATCH) {
                    break;
                }
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        sentUpTo = batch.get(batch.size() - 1).seq();
        send(Rpc.request(nextRpcId++, FleetMessages.RECORDS, json.valueToTree(new Records(batch))));
    }

    private void send(Rpc message) {
        FleetChannel c = channel;
        if (c == null) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sending = c.send(text)
                .whenCompleteAsync(
                        (r, e) -> {
                            if (e != null) {
                                lost(c);
                            } else {
                                flush();
                            }
                        },
                        thread);
    }

    private void connect() {
        if (closed) {
            return;
        }
        opener.open(events)
                .whenCompleteAsync(
                        (ws, e) -> {
                            if (e != null) {
                                if (backoffMs == FIRST_BACKOFF_MS) {
                                    LOG.warn("fleet {} unreachable: {}; retrying", config.url(), e.getMessage());
                                }
                                retry();
                                return;
                            }
                            if (closed) {
                                ws.abort();
                                return;
                            }
                            channel = ws;
                            sending = CompletableFuture.completedFuture(null);
                            send(Rpc.request(nextRpcId++, FleetMessages.HELLO, json.valueToTree(hello)));
                            thread.schedule(
                                    () -> {
                                        if (channel == ws && !ready) {
                                            LOG.warn(
                                                    "fleet {} did not answer hello in {} ms",
                                                    config.url(),
                                                    HELLO_TIMEOUT_MS);
                                            lost(ws);
                                        }
                                    },
                                    HELLO_TIMEOUT_MS,
                                    TimeUnit.MILLISECONDS);
                        },
                        thread);
    }

    private void retry() {
        if (closed || thread.isShutdown()) {
            return;
        }
        thread.schedule(this::connect, backoffMs, TimeUnit.MILLISECONDS);
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    }

    private void lost(FleetChannel ws) {
        if (channel != ws) {
            return; // an older connection's late news
        }
        boolean wasReady = ready;
        channel = null;
        ready = false;
        ws.abort();
        if (wasReady) {
            LOG.warn("link to fleet {} lost; buffering records and reconnecting", config.url());
        }
        retry();
    }

    private void receive(FleetChannel ws, String text) {
        if (ws != channel) {
            return; // a message of a connection already given up
        }
        Rpc m;
        try {
            m = json.readValue(text, Rpc.class);
        } catch (java.io.IOException e) {
            return; // not ours to answer: the fleet speaks JSON-RPC
        }
        if (m.isRequest()) {
            answer(m);
        } else if (m.error() != null) {
            // a refused hello (bad token, unknown site): the fleet closes; we retry with backoff
            LOG.error(
                    "fleet {} refused site {}: {}",
                    config.url(),
                    config.site(),
                    m.error().message());
            lost(ws);
        } else if (m.result() != null && m.result().has("lastSeq")) {
            Ack ack = json.convertValue(m.result(), Ack.class);
            acknowledge(ack.lastSeq());
            if (!ready) {
                ready = true;
                backoffMs = FIRST_BACKOFF_MS;
                LOG.info(
                        "linked to fleet {} as {}; it holds records up to {}",
                        config.url(),
                        config.site(),
                        ack.lastSeq());
                sentUpTo = ack.lastSeq(); // resend everything after what the fleet holds
            }
            flush();
        }
    }

    private void acknowledge(long lastSeq) {
        while (!buffer.isEmpty() && buffer.peekFirst().seq() <= lastSeq) {
            buffer.pollFirst();
        }
        acknowledged = Math.max(acknowledged, lastSeq);
    }

    private void answer(Rpc m) {
        if (FleetMessages.PRICES.equals(m.method())) {
            try {
                FleetMessages.Prices p = json.convertValue(m.params(), FleetMessages.Prices.class);
                pricesHeld = p.intervals() == null ? List.of() : List.copyOf(p.intervals());
                prices.accept(pricesHeld);
            } catch (IllegalArgumentException e) {
                LOG.warn("fleet {} sent prices that are not: {}", config.url(), e.getMessage());
            }
            return;
        }
        if (!FleetMessages.SETPOINT.equals(m.method()) || m.id() == null) {
            if (m.id() != null) {
                send(Rpc.error(m.id(), Rpc.METHOD_NOT_FOUND, "no method " + m.method()));
            }
            return;
        }
        Setpoint sp;
        try {
            sp = json.convertValue(m.params(), Setpoint.class);
        } catch (IllegalArgumentException e) {
            send(Rpc.error(m.id(), Rpc.INVALID_PARAMS, "setpoint: " + e.getMessage()));
            return;
        }
        if (!Double.isFinite(sp.kw())) {
            send(Rpc.error(m.id(), Rpc.INVALID_PARAMS, "setpoint: kw must be finite"));
            return;
        }
        boolean held = sp.holdMs() > 0;
        if (held) {
            // by this site's own clock, and never past its own limit: a silent fleet's last word ends
            long hold = Math.min(sp.holdMs(), config.maxHoldMs());
            layer.set(sp.id(), sp.kw(), System.currentTimeMillis() + hold);
        } else {
            layer.clear();
        }
        send(Rpc.result(m.id(), json.valueToTree(new SetpointAck(sp.id(), held))));
    }

    @Override
    public void close() {
        closed = true;
        unsubscribe.run();
        thread.execute(() -> {
            FleetChannel c = channel;
            channel = null;
            if (c != null) {
                c.close();
            }
        });
        if (ownThread) {
            thread.shutdown();
            try {
                thread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        layer.clear();
    }

    /** The channel's news, handed to the link's thread. */
    private final FleetChannel.Events events = new FleetChannel.Events() {
        @Override
        public void text(FleetChannel c, String text) {
            thread.execute(() -> receive(c, text));
        }

        @Override
        public void closed(FleetChannel c) {
            thread.execute(() -> lost(c));
        }
    };
}
