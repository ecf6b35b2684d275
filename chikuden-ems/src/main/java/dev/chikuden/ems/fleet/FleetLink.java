package dev.chikuden.ems.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.control.FleetOffer;
import dev.chikuden.control.FleetRequest;
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
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    static final int BATCH = 500;
    static final long FIRST_BACKOFF_MS = 200;
    static final long MAX_BACKOFF_MS = 5_000;

    private final EmsConfig.FleetLink config;
    private final FleetRequest layer;
    private final Hello hello;
    private final ObjectMapper json = Rpc.mapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-link");
        t.setDaemon(true);
        return t;
    });
    private final Runnable unsubscribe;
    // only touched on the link's thread
    private final ArrayDeque<EdgeRecord> buffer = new ArrayDeque<>();
    private volatile long nextSeq;
    private long sentUpTo = -1;
    private long nextRpcId = 1;
    private WebSocket socket;
    private boolean ready;
    private long backoffMs = FIRST_BACKOFF_MS;
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile long dropped;
    private volatile long acknowledged = -1;
    private volatile boolean closed;

    private FleetLink(SiteConfig site, EmsConfig.FleetLink config, EmsRuntime runtime) {
        this.config = config;
        this.layer = runtime.fleetLayer();
        if (layer == null) {
            throw new IllegalStateException("the runtime was started without a fleet layer (ems.fleet not set)");
        }
        this.hello = new Hello(
                config.site(),
                config.token(),
                site.batteries().stream()
                        .mapToDouble(BatteryParameters::chargePowerKw)
                        .sum(),
                site.batteries().stream()
                        .mapToDouble(BatteryParameters::dischargePowerKw)
                        .sum(),
                site.grid() == null ? 0 : site.grid().contractKw());
        this.unsubscribe = runtime.onCycle(s -> {
            if (!closed) {
                thread.execute(() -> record(s));
            }
        });
    }

    /** Starts the link; it connects, and reconnects after a loss, until closed. */
    public static FleetLink start(SiteConfig site, EmsConfig.FleetLink config, EmsRuntime runtime) {
        FleetLink link = new FleetLink(site, config, runtime);
        link.thread.execute(link::connect);
        return link;
    }

    /** Records dropped because the buffer was full while the link was down. */
    public long droppedRecords() {
        return dropped;
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
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // one send at a time, as WebSocket requires; the next waits for this one
        sending = sending.handle((r, e) -> null)
                .thenCompose(x -> ws.sendText(text, true))
                .whenCompleteAsync(
                        (r, e) -> {
                            if (e != null) {
                                lost(ws);
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
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(config.url(), new Listener())
                .whenCompleteAsync(
                        (ws, e) -> {
                            if (e != null) {
                                retry();
                                return;
                            }
                            socket = ws;
                            sending = CompletableFuture.completedFuture(null);
                            send(Rpc.request(nextRpcId++, FleetMessages.HELLO, json.valueToTree(hello)));
                        },
                        thread);
    }

    private void retry() {
        if (closed) {
            return;
        }
        thread.schedule(this::connect, backoffMs, TimeUnit.MILLISECONDS);
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    }

    private void lost(WebSocket ws) {
        if (socket != ws) {
            return; // an older connection's late news
        }
        socket = null;
        ready = false;
        partial.setLength(0);
        ws.abort();
        retry();
    }

    private void receive(WebSocket ws, String text) {
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
            lost(ws);
        } else if (m.result() != null && m.result().has("lastSeq")) {
            Ack ack = json.convertValue(m.result(), Ack.class);
            acknowledge(ack.lastSeq());
            if (!ready) {
                ready = true;
                backoffMs = FIRST_BACKOFF_MS;
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
        boolean live = sp.expiresAtEpochMs() > System.currentTimeMillis();
        if (live) {
            layer.set(sp.id(), sp.kw(), sp.expiresAtEpochMs());
        }
        JsonNode ack = json.valueToTree(new SetpointAck(sp.id(), live));
        send(Rpc.result(m.id(), ack));
    }

    @Override
    public void close() {
        closed = true;
        unsubscribe.run();
        thread.execute(() -> {
            WebSocket ws = socket;
            socket = null;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "site stopping").orTimeout(1, TimeUnit.SECONDS);
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        layer.clear();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String whole;
            synchronized (partial) {
                partial.append(data);
                if (!last) {
                    ws.request(1);
                    return null;
                }
                whole = partial.toString();
                partial.setLength(0);
            }
            thread.execute(() -> receive(ws, whole));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            thread.execute(() -> lost(ws));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            thread.execute(() -> lost(ws));
        }
    }
}
