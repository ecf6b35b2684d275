package dev.chikuden.ems.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cycle stream's WebSocket, {@code /api/stream}, served by Jetty itself: Javalin's WebSocket
 * API does not report pongs, and {@link StreamClient} counts what a peer has read by them. A
 * handshake from a page of another origin gets 403 and no WebSocket (see {@link OriginCheck}).
 * Every request without a handshake goes on to Javalin, as if this servlet were not there, so it is
 * authorised, answered and audited like any other.
 */
final class StreamServlet extends JettyWebSocketServlet {
    private static final Logger LOG = LoggerFactory.getLogger(StreamServlet.class);
    static final String PATH = "/api/stream";
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    static final String NOT_A_HANDSHAKE = "GET " + PATH + " is a WebSocket: open it with a WebSocket client (ws://)";
    /** Policy violation: the close for a missing or wrong token. */
    static final int CLOSE_REFUSED = 1008;

    private final OriginCheck origins;
    private final TokenGuard guard;
    private final CycleStream stream;
    private final ObjectMapper json;
    private final int maxBehind;
    /** The servlet requests without a handshake go on to: Javalin's, on "/*". */
    private String javalinServlet;
    /** Every client connected, subscribed or still to send its token. */
    private final Set<StreamClient> open = ConcurrentHashMap.newKeySet();

    StreamServlet(OriginCheck origins, TokenGuard guard, CycleStream stream, ObjectMapper json, int maxBehind) {
        this.origins = origins;
        this.guard = guard;
        this.stream = stream;
        this.json = json;
        this.maxBehind = maxBehind;
    }

    @Override
    public void init() throws ServletException {
        super.init();
        javalinServlet = getServletContext().getServletRegistrations().values().stream()
                .filter(r -> r.getMappings().contains("/*"))
                .map(ServletRegistration::getName)
                .findFirst()
                .orElseThrow(() -> new ServletException("no servlet on /* to pass requests to"));
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(IDLE_TIMEOUT);
        factory.setCreator((request, response) -> new Socket(
                TokenGuard.openRead(request.getHttpServletRequest().getRemoteAddr(), request.getHeader("Host"))));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!"GET".equals(req.getMethod()) || req.getHeader("Sec-WebSocket-Version") == null) {
            toJavalin(req, resp);
        } else if (!origins.permits(req.getHeader("Origin"), req.getHeader("Host"))) {
            LOG.warn(
                    "refused a WebSocket from {} for a page of another origin ({} to host {})",
                    req.getRemoteAddr(),
                    req.getHeader("Origin"),
                    req.getHeader("Host"));
            refuse(
                    resp,
                    403,
                    "pages of another origin may not open the stream; the site file's ems.http.allowedOrigins "
                            + "lists those that may");
        } else {
            super.service(req, resp); // the upgrade, Jetty's 400 for a faulty handshake, or doGet
        }
    }

    /** A GET that is no handshake though it names a WebSocket version (Javalin would take it for one). */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Upgrade", "websocket");
        refuse(resp, 426, NOT_A_HANDSHAKE);
    }

    private void toJavalin(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        getServletContext().getNamedDispatcher(javalinServlet).forward(req, resp);
    }

    private void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(json.writeValueAsBytes(new Views.Refusal(message, null)));
    }

    /** Closes every connection, for the service's stop. */
    void closeAll(int code, String reason) {
        open.forEach(c -> c.close(code, reason));
    }

    /**
     * One connection. A peer on this machine is subscribed at once; another must first send {@code
     * {"token": "..."}} (browsers cannot set headers on a WebSocket, and a token in the URL would
     * end up in logs). Public, as Jetty calls it through method handles.
     */
    public final class Socket implements Session.Listener.AutoDemanding {
        private final boolean openRead;
        private StreamClient client;
        private boolean awaitingToken;

        Socket(boolean openRead) {
            this.openRead = openRead;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            client = new StreamClient(sink(session), maxBehind);
            open.add(client);
            if (openRead) {
                stream.subscribe(client);
            } else {
                awaitingToken = true;
            }
        }

        @Override
        public void onWebSocketText(String message) {
            if (!awaitingToken) {
                return; // subscribers have nothing to say
            }
            awaitingToken = false;
            String token = null;
            try {
                JsonNode node = json.readTree(message);
                token = node != null && node.path("token").isTextual()
                        ? node.path("token").asText()
                        : null;
            } catch (JsonProcessingException e) {
                // judged as no token below
            }
            TokenGuard.Verdict v = guard.checkToken(token);
            if (v == TokenGuard.Verdict.ALLOWED) {
                stream.subscribe(client);
            } else {
                client.close(
                        CLOSE_REFUSED,
                        v == TokenGuard.Verdict.NOT_CONFIGURED
                                ? "no token configured on the service"
                                : v == TokenGuard.Verdict.WRONG ? "wrong token" : "send {\"token\": \"...\"} first");
            }
        }

        @Override
        public void onWebSocketPong(ByteBuffer payload) {
            client.pong(payload);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            forget();
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            forget();
        }

        private void forget() {
            if (client != null) {
                open.remove(client);
                stream.unsubscribe(client);
            }
        }
    }

    private static StreamClient.Sink sink(Session session) {
        return new StreamClient.Sink() {
            @Override
            public void send(String text, Runnable written, Consumer<Throwable> failed) {
                session.sendText(text, Callback.from(written, failed));
            }

            @Override
            public void ping(byte[] payload, Consumer<Throwable> failed) {
                session.sendPing(ByteBuffer.wrap(payload), Callback.from(() -> {}, failed));
            }

            @Override
            public void close(int code, String reason) {
                session.close(code, reason, Callback.NOOP);
            }
        };
    }
}
