package dev.chikuden.ems.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chikuden.control.ManualSetpoint;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.runtime.EmsService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live service's HTTP face: the REST API under {@code /api}, the cycle stream on the WebSocket
 * {@code /api/stream}, the OpenAPI description and the dashboard at {@code /}. Reads are open from
 * this machine; every write needs the bearer token and lands in the audit log (see
 * {@code openapi.yaml} for every route). Start with {@link #start}; {@link #port()} tells the port
 * actually bound (the configured port may be 0).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String OPENAPI = "/dev/chikuden/ems/api/openapi.yaml";
    static final String DOCS = "/dev/chikuden/ems/api/docs.html";
    static final String WEB = "/dev/chikuden/ems/web";
    /** A stream client with this many cycles unread is disconnected (see {@link StreamClient}). */
    static final int MAX_BEHIND = 30;

    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_AUDITED_BODY = 64 * 1024;
    private static final int MAX_AUDIT_LIMIT = 1000;
    private static final String CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI styles its elements inline. */
    private static final String DOCS_CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final Set<HandlerType> WRITES =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final EmsService service;
    private final SiteLimits site;
    private final TokenGuard guard;
    private final Clock clock;
    private final ObjectMapper json = ApiJson.mapper();
    private final AuditLog audit;
    private final RefusalAudit refusals;
    private final CycleStream stream = new CycleStream(json);
    private final StreamServlet streamServlet;
    private final LiveGridCode gridCode;
    private final CycleHandOff handOff;
    private final Runnable unsubscribe;
    private final byte[] openApi;
    private final byte[] docs;
    private final Object writeLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Javalin app;

    private ApiServer(
            EmsService service,
            EmsConfig.Http http,
            Path auditLog,
            long cycleMs,
            SiteLimits site,
            Clock clock,
            int maxBehind)
            throws IOException {
        this.service = service;
        this.site = site;
        this.guard = new TokenGuard(http.token());
        this.clock = clock;
        this.openApi = resource(OPENAPI);
        this.docs = resource(DOCS);
        this.audit = new AuditLog(auditLog, json);
        this.refusals = new RefusalAudit(audit);
        this.streamServlet = new StreamServlet(new OriginCheck(http.allowedOrigins()), guard, stream, json, maxBehind);
        this.gridCode = new LiveGridCode(site, cycleMs);
        this.handOff = new CycleHandOff(List.of(gridCode, stream));
        this.app = Javalin.create(config -> configure(config, http));
        try {
            app.start();
        } catch (RuntimeException e) {
            handOff.close();
            audit.close();
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IOException(
                    "cannot serve the API on " + hostForUrl(http.bind()) + ":" + http.port() + ": " + cause.getMessage()
                            + " (ems.http.bind, ems.http.port or --http-port)",
                    e);
        }
        this.unsubscribe = service.onCycle(handOff);
        LOG.info(
                "API and dashboard at http://{}:{}/ ; writes need the bearer token ({}); audit log {}",
                hostForUrl(http.bind()),
                port(),
                guard.configured() ? "from " + http.tokenOrigin() : "none set: " + TokenGuard.HOW_TO_SET,
                auditLog);
    }

    /**
     * Binds {@code config.http()}'s address and port and serves {@code service}. Accepted and refused
     * writes go to {@code config.auditLog()} (created with its folders if missing, appended to
     * otherwise); the grid-code metrics take one sample per {@code config.cycleMs()}.
     */
    public static ApiServer start(EmsService service, EmsConfig config, SiteLimits site) throws IOException {
        return new ApiServer(
                service, config.http(), config.auditLog(), config.cycleMs(), site, Clock.systemUTC(), MAX_BEHIND);
    }

    static ApiServer start(
            EmsService service,
            EmsConfig.Http http,
            Path auditLog,
            long cycleMs,
            SiteLimits site,
            Clock clock,
            int maxBehind)
            throws IOException {
        return new ApiServer(service, http, auditLog, cycleMs, site, clock, maxBehind);
    }

    /** The port bound: the configured one, or the one the system chose for port 0. */
    public int port() {
        return app.port();
    }

    private void configure(JavalinConfig config, EmsConfig.Http http) {
        config.jetty.addConnector((server, httpConfig) -> {
            ServerConnector connector = new ServerConnector(server, new RawTargetConnectionFactory(httpConfig));
            connector.setHost(http.bind());
            connector.setPort(http.port());
            return connector;
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new ServerRejections(refusals, clock)));
        // the exact path wins over Javalin's "/*"
        config.jetty.modifyServletContextHandler(
                h -> h.addServlet(new ServletHolder("cycle-stream", streamServlet), StreamServlet.PATH));
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_BODY;
        config.jsonMapper(new JavalinJackson(json, false));
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = WEB;
            files.location = Location.CLASSPATH;
            files.headers = Map.of(
                    "Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
        });
        config.staticFiles.enableWebjars();

        var routes = config.routes;
        routes.before(this::authorize);
        routes.after("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
        routes.get("/api/status", ctx -> ctx.json(Views.Status.of(service)));
        routes.get("/api/measurements", this::measurements);
        routes.get("/api/stack", ctx -> ctx.json(new Views.Stack(service.stack())));
        routes.get("/api/config", ctx -> ctx.json(service.config()));
        routes.get("/api/alarms", this::alarms);
        routes.get("/api/timing", this::timing);
        routes.get("/api/setpoint", ctx -> ctx.json(new Views.ManualBody(Views.Manual.of(service.manualSetpoint()))));
        routes.post("/api/setpoint", this::setSetpoint);
        routes.delete("/api/setpoint", this::clearSetpoint);
        routes.get("/api/telemetry", this::telemetry);
        routes.get("/api/gridcode", ctx -> ctx.json(gridCode.view()));
        routes.get("/api/audit", this::auditTail);
        routes.get(
                "/api/openapi.yaml",
                ctx -> ctx.contentType("application/yaml; charset=utf-8").result(openApi));
        routes.get(
                "/api/docs",
                ctx -> ctx.header("Content-Security-Policy", DOCS_CSP)
                        .contentType("text/html; charset=utf-8")
                        .result(docs));
        routes.get(StreamServlet.PATH, ApiServer::notAHandshake);

        routes.exception(ApiError.class, (e, ctx) -> refuse(ctx, e.status, e.getMessage(), e.field));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> refuse(
                        ctx,
                        e.getStatus(),
                        e.getStatus() == 404
                                ? "no such route: " + ctx.method() + " " + ctx.path()
                                        + " (GET /api/openapi.yaml lists them)"
                                : e.getMessage(),
                        null));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            refuse(
                    ctx,
                    500,
                    "internal error (" + e.getClass().getSimpleName() + "); the service log has the details",
                    null);
        });
    }

    // ---- security

    /** Before every request: writes need the token, reads of /api need it unless they come from this machine. */
    private void authorize(Context ctx) {
        boolean write = WRITES.contains(ctx.method());
        if (!write
                && (!ctx.path().startsWith("/api/")
                        || TokenGuard.openRead(ctx.req().getRemoteAddr(), ctx.header("Host")))) {
            return;
        }
        String what = write ? "writes" : "reads from another machine";
        switch (guard.check(ctx.header("Authorization"))) {
            case ALLOWED -> {}
            case MISSING -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"chikuden\"");
                throw new ApiError(401, what + " need the header \"Authorization: Bearer <token>\"", null);
            }
            case WRONG -> throw new ApiError(403, "the bearer token is not the service's token", null);
            default ->
                throw new ApiError(
                        403,
                        "no write token is configured, so " + what + " are refused: " + TokenGuard.HOW_TO_SET,
                        null);
        }
    }

    /**
     * Answers an error as JSON; a refused write also goes to the audit log, those without the token
     * (401, 403) as {@link RefusalLimiter} allows.
     */
    private void refuse(Context ctx, int status, String message, String field) {
        ctx.status(status).json(new Views.Refusal(message, field));
        if (WRITES.contains(ctx.method())) {
            refusals.record(
                    ctx.req().getRemoteAddr(),
                    status == 401 || status == 403,
                    clock.millis(),
                    () -> entry(ctx, "refused", status, message, null, null));
        }
    }

    private AuditLog.Entry entry(
            Context ctx, String outcome, int status, String reason, Views.Manual before, Views.Manual after) {
        String token = TokenGuard.bearer(ctx.header("Authorization"));
        AuditLog.Who who = new AuditLog.Who(ctx.req().getRemoteAddr(), ctx.userAgent(), TokenGuard.fingerprint(token));
        return new AuditLog.Entry(clock.instant().toString(), outcome, status, reason, who, what(ctx), before, after);
    }

    /** The request, its body as the client sent it (see {@link AuditLog.What}). */
    private static AuditLog.What what(Context ctx) {
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (RuntimeException e) {
            return new AuditLog.What(
                    ctx.method().name(),
                    ctx.path(),
                    TextNode.valueOf("(unreadable: " + e.getMessage() + ")"),
                    null,
                    null,
                    null);
        }
        boolean cut = body.length > MAX_AUDITED_BODY;
        String text = new String(body, 0, Math.min(body.length, MAX_AUDITED_BODY), StandardCharsets.UTF_8);
        return new AuditLog.What(
                ctx.method().name(),
                ctx.path(),
                TextNode.valueOf(text),
                (long) body.length,
                HexFormat.of().formatHex(sha256(body)),
                cut);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    // ---- writes: the manual setpoint

    private void setSetpoint(Context ctx) {
        SetpointRequest req = SetpointRequest.parse(json, ctx.body(), site);
        ctx.json(new Views.ManualBody(write(
                ctx, () -> service.setManualSetpoint(req.kw(), clock.millis() + req.expiresInSeconds() * 1000))));
    }

    private void clearSetpoint(Context ctx) {
        ctx.json(new Views.ManualBody(write(ctx, service::clearManualSetpoint)));
    }

    /**
     * Applies a change to the manual setpoint and records it, before and after, in the audit log;
     * when the log cannot be written the change is undone and refused, so the log misses no write.
     */
    private Views.Manual write(Context ctx, Runnable change) {
        synchronized (writeLock) {
            ManualSetpoint.Setpoint before = service.manualSetpoint();
            change.run();
            Views.Manual after = Views.Manual.of(service.manualSetpoint());
            try {
                audit.append(entry(ctx, "accepted", 200, null, Views.Manual.of(before), after));
            } catch (IOException e) {
                restore(before);
                LOG.error("cannot write the audit log {}: the write is undone", audit.file(), e);
                throw new ApiError(
                        500, "the audit log cannot be written (" + e.getMessage() + "), so the write was undone", null);
            }
            return after;
        }
    }

    private void restore(ManualSetpoint.Setpoint before) {
        if (before == null) {
            service.clearManualSetpoint();
        } else {
            service.setManualSetpoint(before.kw(), before.expiresAtEpochMs());
        }
    }

    // ---- reads

    private void measurements(Context ctx) {
        ctx.json(new Views.Measurements(service.latest(), service.devices()));
    }

    private void alarms(Context ctx) {
        String all = ctx.queryParam("all");
        if (all != null && !all.equals("true") && !all.equals("false")) {
            throw ApiError.badRequest("all", "all must be true or false, was \"" + all + "\"");
        }
        ctx.json(new Views.Alarms(Views.alarms(service, "true".equals(all))));
    }

    private void timing(Context ctx) {
        ctx.json(new Views.Timing(
                service.timing(),
                service.fastLoop(),
                new Views.Timing.Api(stream.subscribers(), handOff.handled(), handOff.dropped())));
    }

    private void telemetry(Context ctx) {
        TelemetryQuery q = TelemetryQuery.parse(
                ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("maxPoints"), clock.millis());
        ctx.json(new Views.Telemetry(
                Views.iso(q.fromEpochMs()),
                Views.iso(q.toEpochMs()),
                q.maxPoints(),
                service.telemetry(q.fromEpochMs(), q.toEpochMs(), q.maxPoints())));
    }

    private void auditTail(Context ctx) {
        String limitText = ctx.queryParam("limit");
        int limit = 50;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
                throw ApiError.badRequest(
                        "limit",
                        "limit must be a whole number from 1 to " + MAX_AUDIT_LIMIT + ", was \"" + limitText + "\"");
            }
        }
        ctx.json(new Views.AuditTail(audit.latest(limit)));
    }

    // ---- the WebSocket stream: see StreamServlet, which passes on what is no handshake

    private static void notAHandshake(Context ctx) {
        ctx.header("Upgrade", "websocket");
        throw new ApiError(426, StreamServlet.NOT_A_HANDSHAKE, null);
    }

    // ---- lifecycle and helpers

    /** The routes registered, as {@code METHOD /path}: what openapi.yaml must list. */
    Set<String> routes() {
        Set<String> out = new TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().forEach(e -> {
            if (e.endpoint.method.isHttpMethod()) {
                out.add(e.endpoint.method.name() + " " + e.endpoint.path);
            }
        });
        return out;
    }

    int streamSubscribers() {
        return stream.subscribers();
    }

    long cyclesHandedOn() {
        return handOff.handled();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hostForUrl(String bind) {
        return bind.indexOf(':') >= 0 ? "[" + bind + "]" : bind;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        unsubscribe.run();
        handOff.close();
        streamServlet.closeAll(1001, "service stopping");
        app.stop();
        try {
            refusals.flush();
            audit.close();
        } catch (IOException e) {
            LOG.warn("closing the audit log {}", audit.file(), e);
        }
    }
}
