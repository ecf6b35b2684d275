package dev.chikuden.fleet.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.control.PriceSignals;
import dev.chikuden.ems.fleet.FleetMessages;
import dev.chikuden.ems.fleet.FleetMessages.Ack;
import dev.chikuden.ems.fleet.FleetMessages.EdgeRecord;
import dev.chikuden.ems.fleet.FleetMessages.Hello;
import dev.chikuden.ems.fleet.FleetMessages.Prices;
import dev.chikuden.ems.fleet.FleetMessages.Records;
import dev.chikuden.ems.fleet.FleetMessages.Setpoint;
import dev.chikuden.ems.fleet.FleetMessages.SetpointAck;
import dev.chikuden.ems.fleet.Rpc;
import dev.chikuden.fleet.dispatch.SiteOffer;
import dev.chikuden.fleet.dispatch.Split;
import dev.chikuden.fleet.dispatch.SplitRule;
import dev.chikuden.fleet.ven.EventTarget;
import dev.chikuden.fleet.ven.PortfolioNow;
import dev.chikuden.fleet.ven.VenBridge;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fleet service: the sites' links on {@code /edge}, the dispatch cycle that splits the portfolio's
 * request across the fresh sites ({@link SplitRule}) and sends each its part, and the REST API and
 * dashboard ({@link FleetApi}). Every cycle leaves a {@link FleetCycle} record.
 */
public final class FleetService implements AutoCloseable {
    /** How far the clocks of the sites and the fleet may differ for a record still to count as recent. */
    static final long CLOCK_SKEW_MS = 2_000;

    /** The longest span a request's energy is checked over: DR events last up to a few hours. */
    static final double ENERGY_HORIZON_S = 4 * 3600;

    /** A setpoint's id is its request's times this, plus its cycle. */
    public static final long CYCLES_PER_REQUEST = 1_000_000_000L;

    /** The cycle records kept for the API: an hour at 1 s. */
    static final int KEPT_CYCLES = 3600;

    private final FleetConfig config;
    private final ObjectMapper json = Rpc.mapper();
    private final Object lock = new Object();
    private final Map<String, SiteLink> sites = new LinkedHashMap<>();
    private final ArrayDeque<FleetCycle> history = new ArrayDeque<>();
    private final List<Consumer<FleetCycle>> cycleListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-cycle");
        t.setDaemon(true);
        return t;
    });
    private final Javalin app;
    private final FleetAudit audit;
    private final AckLatency latency = new AckLatency();
    private PortfolioRequest request;
    /** The VTN's prices the sites were last sent. */
    private List<PriceSignals.Interval> prices = List.of();

    private long nextRequestId = 1;
    private long cycle;
    /** Numbers every dispatch, cycles and dispatches out of turn alike: a setpoint's id carries it. */
    private long dispatch;

    private long nextRpcId = 1;

    private final VenBridge ven;

    private FleetService(FleetConfig config, VenBridge ven) {
        this.config = config;
        this.ven = ven;
        for (FleetConfig.Site s : config.sites()) {
            sites.put(s.id(), new SiteLink(s.id(), s.token()));
        }
        this.audit = new FleetAudit(config.auditLog());
        this.app = FleetApi.create(this, config, audit);
    }

    /** Starts listening and cycling. */
    public static FleetService start(FleetConfig config) {
        return start(config, null);
    }

    /**
     * Starts listening and cycling; with {@code ven} (started), the VTN's events set the portfolio's
     * target whenever no request made through the API holds.
     */
    public static FleetService start(FleetConfig config, VenBridge ven) {
        FleetService f = new FleetService(config, ven);
        f.app.start(config.bind(), config.port());
        f.clock.scheduleAtFixedRate(f::cycleSafely, config.cycleMs(), config.cycleMs(), TimeUnit.MILLISECONDS);
        return f;
    }

    public int port() {
        return app.port();
    }

    public FleetConfig config() {
        return config;
    }

    /** Called with every cycle's record, on the cycle's thread. Returns how to stop listening. */
    public Runnable onCycle(Consumer<FleetCycle> listener) {
        cycleListeners.add(listener);
        return () -> cycleListeners.remove(listener);
    }

    /** Asks the portfolio for {@code kw} of battery power until {@code untilEpochMs}, replacing any request. */
    public PortfolioRequest request(double kw, long untilEpochMs, String source) {
        if (!Double.isFinite(kw)) {
            throw new IllegalArgumentException("kw must be finite, was " + kw);
        }
        PortfolioRequest r;
        synchronized (lock) {
            request = new PortfolioRequest(nextRequestId++, kw, untilEpochMs, source);
            r = request;
        }
        // sent at once, on the cycle's thread, rather than up to a cycle later
        try {
            clock.execute(this::dispatchOutOfTurn);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the service is closing: nothing to send
        }
        return r;
    }

    /** Withdraws the request: the sites are sent an expired setpoint and return to their own strategies. */
    public void withdraw() {
        synchronized (lock) {
            request = null;
            for (SiteLink s : sites.values()) {
                sendSetpoint(s, new Setpoint(0, 0, 0)); // a hold of 0 ends the site's request at once
            }
        }
    }

    public PortfolioRequest currentRequest() {
        synchronized (lock) {
            return request;
        }
    }

    /** The last {@code n} cycle records, oldest first. */
    public List<FleetCycle> cycles(int n) {
        synchronized (lock) {
            List<FleetCycle> all = new ArrayList<>(history);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    /** From a cycle's setpoints to the last asked site's acknowledgement, over the last dispatches. */
    public AckLatency.Summary ackLatency() {
        synchronized (lock) {
            return latency.summary();
        }
    }

    /**
     * Per site: records received in order and records found missing, over the service's life; the
     * last setpoint it acknowledged (its request's number is {@code ackedId / CYCLES_PER_REQUEST}).
     */
    public record Received(String site, long records, long missing, long lastSeq, boolean connected, long ackedId) {}

    public List<Received> received() {
        synchronized (lock) {
            return sites.values().stream()
                    .map(s -> new Received(s.id, s.received, s.missing, s.lastSeq, s.session != null, s.ackedId))
                    .toList();
        }
    }

    // ---- the dispatch cycle

    private void dispatchOutOfTurn() {
        try {
            runCycle(System.currentTimeMillis(), false);
        } catch (RuntimeException e) {
            System.err.println("chikuden fleet: dispatch failed: " + e);
        }
    }

    private void cycleSafely() {
        try {
            FleetCycle c = runCycle(System.currentTimeMillis(), true);
            for (Consumer<FleetCycle> l : cycleListeners) {
                l.accept(c);
            }
        } catch (RuntimeException e) {
            // a cycle must never stop the clock; the next one starts afresh
            System.err.println("chikuden fleet: cycle failed: " + e);
        }
    }

    /**
     * One cycle; {@code tick} false for a dispatch out of turn (a new request is sent at once, not at
     * the next tick): it splits and sends, but is no cycle of its own (staleness counts ticks) and
     * leaves no record.
     */
    FleetCycle runCycle(long now, boolean tick) {
        synchronized (lock) {
            if (tick) {
                cycle++;
            }
            dispatch++;
            if (request != null && request.untilEpochMs() <= now) {
                request = null;
            }
            List<SiteLink> links = new ArrayList<>(sites.values());
            List<SiteOffer> offers = new ArrayList<>(links.size());
            double gridKw = 0;
            double netLoadKw = 0;
            long oldestFreshMs = now - config.staleCycles() * config.cycleMs() - CLOCK_SKEW_MS;
            for (SiteLink s : links) {
                // heard lately, and what it said is recent (a site catching up after a cut sends old records)
                boolean fresh =
                        s.fresh(cycle, config.staleCycles()) && s.session != null && s.last.epochMs() >= oldestFreshMs;
                offers.add(new SiteOffer(s.id, fresh, s.last == null ? null : rated(s.last.offer(), s.hello)));
                if (fresh && Double.isFinite(s.last.gridKw()) && Double.isFinite(s.last.batteryKw())) {
                    gridKw += s.last.gridKw();
                    netLoadKw += s.last.gridKw() + s.last.batteryKw();
                }
            }
            // the operator's request through the API first; else what the VTN's events ask
            EventTarget.Target event = ven == null ? null : ven.cycle(new PortfolioNow(now, gridKw, netLoadKw));
            if (ven != null && tick) {
                List<PriceSignals.Interval> p = ven.prices();
                if (!p.equals(prices)) {
                    prices = p;
                    links.forEach(this::sendPrices);
                }
            }
            double targetKw = Double.NaN;
            double durationS = Double.NaN;
            long requestId = 0;
            String source = null;
            long untilMs = 0;
            if (request != null) {
                targetKw = request.kw();
                untilMs = request.untilEpochMs();
                requestId = request.id();
                source = request.source();
            } else if (event != null) {
                targetKw = event.kw();
                untilMs = event.from().end().toEpochMilli();
                requestId = eventRequestId(event);
                source = "openadr:" + event.from().eventId();
            }
            if (!Double.isFinite(targetKw)) {
                targetKw = Double.NaN; // no request, or an event on readings a site could not give
            }
            // the energy check looks this far at most: an open-ended event (P9999Y) must not ask nothing
            durationS = Math.min(ENERGY_HORIZON_S, Math.max(config.cycleMs(), untilMs - now) / 1000.0);
            Split split = Double.isNaN(targetKw) ? null : SplitRule.split(targetKw, durationS, offers);
            // held until the next cycles renew it, never past the request's own end
            long holdMs = Math.min(config.expiryCycles() * config.cycleMs(), untilMs - now);
            List<FleetCycle.Site> rows = new ArrayList<>(links.size());
            double delivered = 0;
            int asking = 0;
            for (int i = 0; i < links.size(); i++) {
                SiteLink s = links.get(i);
                Split.Allocation a = split == null ? null : split.allocations().get(i);
                double asked = a != null && a.asked() ? a.kw() : Double.NaN;
                if (!Double.isNaN(asked)) {
                    sendSetpoint(s, new Setpoint(requestId * CYCLES_PER_REQUEST + dispatch, asked, holdMs));
                    asking++;
                }
                boolean fresh = offers.get(i).fresh();
                if (fresh) {
                    delivered += s.last.batteryKw();
                }
                rows.add(new FleetCycle.Site(
                        s.id,
                        fresh,
                        s.last == null ? null : s.last.offer(),
                        asked,
                        s.last == null ? Double.NaN : s.last.batteryKw(),
                        s.last == null ? Double.NaN : s.last.soc(),
                        s.last == null ? Double.NaN : s.last.gridKw(),
                        s.lastSeq));
            }
            latency.sent(dispatch, asking, System.nanoTime());
            FleetCycle c = new FleetCycle(
                    cycle,
                    now,
                    requestId,
                    source,
                    split == null ? 0 : targetKw,
                    split == null ? 0 : split.metKw(),
                    delivered,
                    rows);
            if (tick) {
                history.addLast(c);
                if (history.size() > KEPT_CYCLES) {
                    history.pollFirst();
                }
            }
            return c;
        }
    }

    /**
     * The offer within the ratings the site said in its hello: a second guard, should a site's window
     * ever be wider than its batteries (its own layers bound it in any case).
     */
    private static dev.chikuden.control.FleetOffer rated(dev.chikuden.control.FleetOffer o, Hello h) {
        if (o == null || h == null || !(h.ratedChargeKw() > 0) || !(h.ratedDischargeKw() > 0)) {
            return o;
        }
        double hi = Math.min(o.maxKw(), h.ratedDischargeKw());
        double lo = Math.min(hi, Math.max(o.minKw(), -h.ratedChargeKw()));
        return new dev.chikuden.control.FleetOffer(o.epochMs(), lo, hi, o.aboveFloorKwh(), o.roomKwh());
    }

    /** A VTN's event interval as a request number: its own, stable while it acts, apart from the API's. */
    private long eventRequestId(EventTarget.Target event) {
        long h = (event.from().eventId() + "/" + event.from().intervalId()).hashCode() & 0x7fffffffL;
        return 1_000_000 + h % 1_000_000;
    }

    /** The fleet's VEN, or null when the fleet answers no VTN. */
    public VenBridge ven() {
        return ven;
    }

    private void sendPrices(SiteLink s) {
        if (s.session != null) {
            send(
                    s.session,
                    new Rpc(Rpc.VERSION, null, FleetMessages.PRICES, json.valueToTree(new Prices(prices)), null, null));
        }
    }

    private void sendSetpoint(SiteLink s, Setpoint sp) {
        if (s.session != null) {
            send(s.session, Rpc.request(nextRpcId++, FleetMessages.SETPOINT, json.valueToTree(sp)));
        }
    }

    // ---- the sites' links

    /** The connection closed: its site, if it had said hello on it, is no longer linked. */
    public void closed(EdgeSession ctx) {
        synchronized (lock) {
            for (SiteLink s : sites.values()) {
                if (s.session != null && s.session.id().equals(ctx.id())) {
                    s.session = null;
                }
            }
        }
    }

    /** A text from a site's connection. */
    public void message(EdgeSession ctx, String text) {
        Rpc m;
        try {
            m = json.readValue(text, Rpc.class);
        } catch (java.io.IOException e) {
            send(ctx, Rpc.error(null, Rpc.INVALID_REQUEST, "not a JSON-RPC 2.0 message"));
            return;
        }
        synchronized (lock) {
            if (m.isRequest() && FleetMessages.HELLO.equals(m.method())) {
                hello(ctx, m);
                return;
            }
            SiteLink s = siteOf(ctx);
            if (s == null) {
                refuse(ctx, m.id(), Rpc.UNAUTHORIZED, "say hello with the site's id and token first");
                return;
            }
            if (m.isRequest() && FleetMessages.RECORDS.equals(m.method())) {
                Records r;
                try {
                    r = json.convertValue(m.params(), Records.class);
                } catch (IllegalArgumentException e) {
                    r = null;
                }
                if (r == null || r.records() == null || r.records().stream().anyMatch(e -> e == null)) {
                    if (m.id() != null) {
                        send(ctx, Rpc.error(m.id(), Rpc.INVALID_PARAMS, "records: give {records: [record, ...]}"));
                    }
                    return;
                }
                for (EdgeRecord e : r.records()) {
                    s.take(e, cycle + 1); // heard in the period the next cycle closes
                }
                if (m.id() != null) {
                    send(ctx, Rpc.result(m.id(), json.valueToTree(new Ack(s.lastSeq))));
                }
            } else if (!m.isRequest() && m.result() != null && m.result().has("held")) {
                SetpointAck ack;
                try {
                    ack = json.convertValue(m.result(), SetpointAck.class);
                } catch (IllegalArgumentException e) {
                    return;
                }
                s.ackedId = Math.max(s.ackedId, ack.id());
                s.ackedAtNanos = System.nanoTime();
                latency.acked(ack.id() % CYCLES_PER_REQUEST, s.ackedAtNanos);
            } else if (m.isRequest() && m.id() != null) {
                send(ctx, Rpc.error(m.id(), Rpc.METHOD_NOT_FOUND, "no method " + m.method()));
            }
        }
    }

    private void hello(EdgeSession ctx, Rpc m) {
        Hello h;
        try {
            h = json.convertValue(m.params(), Hello.class);
        } catch (IllegalArgumentException e) {
            refuse(ctx, m.id(), Rpc.INVALID_PARAMS, "hello: " + e.getMessage());
            return;
        }
        SiteLink s = h.site() == null ? null : sites.get(h.site());
        if (s == null || h.token() == null || !sameToken(s.token, h.token())) {
            // one answer for both, so a caller cannot learn which site ids exist
            refuse(ctx, m.id(), Rpc.UNAUTHORIZED, "unknown site or wrong token");
            return;
        }
        boolean otherConnection = s.session != null && !s.session.id().equals(ctx.id());
        if (otherConnection && s.hello != null && s.hello.boot() != h.boot() && s.fresh(cycle, config.staleCycles())) {
            // two running services with one site id would take turns and mix their records; the
            // first keeps the site until it goes silent (a restarted site is back within a few cycles)
            refuse(
                    ctx,
                    m.id(),
                    Rpc.UNAUTHORIZED,
                    "site " + s.id + " is linked from another running service;" + " give each service its own site id");
            return;
        }
        if (otherConnection) {
            s.session.close(4000, "replaced by a newer connection of the same site");
        }
        if (s.hello != null && s.hello.boot() != h.boot()) {
            s.lastSeq = -1; // the site's service restarted: its records count from 0 again
        }
        s.session = ctx;
        s.hello = h;
        send(ctx, Rpc.result(m.id(), json.valueToTree(new Ack(s.lastSeq))));
        if (!prices.isEmpty()) {
            sendPrices(s); // a site that (re)connects gets the prices in force
        }
    }

    private SiteLink siteOf(EdgeSession ctx) {
        for (SiteLink s : sites.values()) {
            if (s.session != null && s.session.id().equals(ctx.id())) {
                return s;
            }
        }
        return null;
    }

    private void refuse(EdgeSession ctx, Long id, int code, String message) {
        send(ctx, Rpc.error(id, code, message));
        ctx.close(4001, message);
    }

    private void send(EdgeSession ctx, Rpc message) {
        try {
            ctx.send(json.writeValueAsString(message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            // the socket went meanwhile: the close handler forgets it, the site reconnects
        }
    }

    private static boolean sameToken(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode toJson(Object o) {
        return json.valueToTree(o);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        if (ven != null) {
            ven.close();
        }
        app.stop();
        try {
            audit.close();
        } catch (java.io.IOException e) {
            // the log was flushed line by line
        }
    }
}
