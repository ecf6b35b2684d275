package dev.chikuden.fleet.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's HTTP side: the sites' WebSocket on {@code /edge}, the REST API and the dashboard page.
 * Reads are open (bind the service to a private address); writes need the bearer token and are
 * audited, accepted or refused.
 */
final class FleetApi {
    static final String EDGE = "/edge";
    static final int MAX_MESSAGE_BYTES = 1 << 20;

    /** The portfolio now: the request, what the fresh sites offer together, what they deliver. */
    record Portfolio(
            String name,
            long cycle,
            PortfolioRequest request,
            int sites,
            int freshSites,
            double offerMinKw,
            double offerMaxKw,
            double aboveFloorKwh,
            double roomKwh,
            double askedKw,
            double deliveredKw,
            AckLatency.Summary ackLatency) {}

    record RequestBody(Double kw, Double durationS) {}

    record Refusal(String error) {}

    private FleetApi() {}

    /** A site's WebSocket as an {@link EdgeSession}: Jetty's session id names it. */
    private record WsSession(WsContext ctx) implements EdgeSession {
        @Override
        public String id() {
            return "ws:" + ctx.sessionId();
        }

        @Override
        public void send(String text) {
            ctx.send(text);
        }

        @Override
        public void close(int code, String reason) {
            ctx.closeSession(code, reason);
        }
    }

    static Javalin create(FleetService fleet, FleetConfig config, FleetAudit audit) {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            // a site's resend after a long cut comes in batches of about 40 kB; room for larger ones
            c.jetty.modifyWebSocketServletFactory(f -> f.setMaxTextMessageSize(MAX_MESSAGE_BYTES));
            var routes = c.routes;
            routes.ws(EDGE, ws -> {
                ws.onConnect(ctx -> ctx.enableAutomaticPings(5, TimeUnit.SECONDS));
                ws.onMessage(ctx -> fleet.message(new WsSession(ctx), ctx.message()));
                ws.onClose(ctx -> fleet.closed(new WsSession(ctx)));
                ws.onError(ctx -> fleet.closed(new WsSession(ctx)));
            });
            routes.get("/api/portfolio", ctx -> ctx.json(portfolio(fleet)));
            routes.get("/api/sites", ctx -> ctx.json(last(fleet).sites()));
            routes.get("/api/links", ctx -> ctx.json(fleet.received()));
            routes.get("/api/cycles", ctx -> ctx.json(fleet.cycles(count(ctx))));
            routes.get("/api/request", ctx -> ctx.json(new Object[] {fleet.currentRequest()}));
            routes.post("/api/request", ctx -> post(ctx, fleet, config, audit));
            routes.delete("/api/request", ctx -> {
                if (authorized(ctx, config, audit, "withdraw", null, null)) {
                    audit.write(new FleetAudit.Entry(
                            System.currentTimeMillis(), ctx.ip(), "withdraw", null, null, "accepted"));
                    fleet.withdraw();
                    ctx.status(HttpStatus.NO_CONTENT);
                }
            });
            routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(dashboard()));
        });
    }

    private static void post(Context ctx, FleetService fleet, FleetConfig config, FleetAudit audit) {
        RequestBody b;
        try {
            b = ctx.bodyAsClass(RequestBody.class);
        } catch (RuntimeException e) {
            refuse(
                    ctx,
                    audit,
                    null,
                    null,
                    HttpStatus.BAD_REQUEST,
                    "body: give {\"kw\": number, \"durationS\": number}");
            return;
        }
        if (!authorized(ctx, config, audit, "request", b.kw(), null)) {
            return;
        }
        if (b.kw() == null || !Double.isFinite(b.kw()) || Math.abs(b.kw()) > 1e9) {
            badRequest(
                    ctx, audit, b.kw(), "kw: a finite battery power in kW (> 0 discharge) is required, was " + b.kw());
            return;
        }
        if (b.durationS() == null || !(b.durationS() >= 1) || b.durationS() > 7 * 86_400) {
            badRequest(ctx, audit, b.kw(), "durationS: from 1 s to 7 days, was " + b.durationS());
            return;
        }
        long until = System.currentTimeMillis() + Math.round(b.durationS() * 1000);
        // written before it acts: no request without its line in the log
        audit.write(new FleetAudit.Entry(System.currentTimeMillis(), ctx.ip(), "request", b.kw(), until, "accepted"));
        PortfolioRequest r = fleet.request(b.kw(), until, "api");
        ctx.status(HttpStatus.CREATED).json(r);
    }

    private static boolean authorized(
            Context ctx, FleetConfig config, FleetAudit audit, String action, Double kw, Long until) {
        String h = ctx.header("Authorization");
        String given = h != null && h.startsWith("Bearer ") ? h.substring(7).strip() : null;
        if (config.token() == null) {
            refuse(
                    ctx,
                    audit,
                    kw,
                    until,
                    HttpStatus.FORBIDDEN,
                    "the fleet has no write token: set http.token in the fleet file");
            return false;
        }
        if (given == null
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), config.token().getBytes(StandardCharsets.UTF_8))) {
            audit.write(
                    new FleetAudit.Entry(System.currentTimeMillis(), ctx.ip(), action, kw, until, "refused: token"));
            ctx.status(HttpStatus.UNAUTHORIZED)
                    .json(new Refusal("a write needs Authorization: Bearer <the fleet's http.token>"));
            return false;
        }
        return true;
    }

    private static void badRequest(Context ctx, FleetAudit audit, Double kw, String why) {
        refuse(ctx, audit, kw, null, HttpStatus.BAD_REQUEST, why);
    }

    private static void refuse(Context ctx, FleetAudit audit, Double kw, Long until, HttpStatus status, String why) {
        audit.write(
                new FleetAudit.Entry(System.currentTimeMillis(), ctx.ip(), "request", kw, until, "refused: " + why));
        ctx.status(status).json(new Refusal(why));
    }

    private static int count(Context ctx) {
        String n = ctx.queryParam("last");
        try {
            int v = n == null ? 60 : Integer.parseInt(n);
            return Math.max(1, Math.min(FleetService.KEPT_CYCLES, v));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private static FleetCycle last(FleetService fleet) {
        List<FleetCycle> c = fleet.cycles(1);
        return c.isEmpty() ? new FleetCycle(0, 0, 0, null, 0, 0, 0, List.of()) : c.get(0);
    }

    static Portfolio portfolio(FleetService fleet) {
        FleetCycle c = last(fleet);
        double lo = 0;
        double hi = 0;
        double floor = 0;
        double room = 0;
        int fresh = 0;
        for (FleetCycle.Site s : c.sites()) {
            if (s.fresh() && s.offer() != null) {
                fresh++;
                lo += s.offer().minKw();
                hi += s.offer().maxKw();
                floor += s.offer().aboveFloorKwh();
                room += s.offer().roomKwh();
            }
        }
        return new Portfolio(
                fleet.config().name(),
                c.cycle(),
                fleet.currentRequest(),
                fleet.config().sites().size(),
                fresh,
                lo,
                hi,
                floor,
                room,
                c.metKw(),
                c.deliveredKw(),
                fleet.ackLatency());
    }

    private static String dashboard() {
        try (var in = FleetApi.class.getResourceAsStream("/fleet/index.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            return "<!doctype html><p>dashboard missing from the jar</p>";
        }
    }
}
