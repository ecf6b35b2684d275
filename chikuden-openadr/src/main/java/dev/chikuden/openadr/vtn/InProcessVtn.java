package dev.chikuden.openadr.vtn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.openadr.OpenAdrJson;
import dev.chikuden.openadr.model.Problem;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small OpenADR 3.1 VTN, in memory, for tests and demos: the token endpoint (client credentials
 * for the clients given at start), programs (GET, POST), events (GET by programID, POST, PUT,
 * DELETE), reports (GET, POST) and vens (GET by venName, POST), bodies read into the generated
 * models. Plain HTTP on loopback: a real VTN must use TLS (Definition, "HTTPS/TLS"). No targets,
 * subscriptions or resources.
 */
public final class InProcessVtn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessVtn.class);
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final String HOST = "127.0.0.1";

    private final VtnObjects objects = new VtnObjects();
    private final TokenIssuer issuer;
    private final ObjectMapper json = OpenAdrJson.mapper();
    private final Clock clock = Clock.systemUTC();
    private Javalin app;
    private int port;

    private InProcessVtn(List<VtnClient> clients, Duration tokenLifetime) {
        this.issuer = new TokenIssuer(clients, tokenLifetime, clock);
    }

    /** A VTN on a free loopback port, tokens valid for an hour. */
    public static InProcessVtn start(List<VtnClient> clients) {
        return start(0, DEFAULT_TOKEN_LIFETIME, clients);
    }

    /** A VTN on a loopback port (0: a free one) whose tokens last {@code tokenLifetime}. */
    public static InProcessVtn start(int port, Duration tokenLifetime, List<VtnClient> clients) {
        InProcessVtn vtn = new InProcessVtn(clients, tokenLifetime);
        vtn.serve(port);
        return vtn;
    }

    /** The base URL of the API (the VEN's vtnUrl). */
    public URI url() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public URI tokenUrl() {
        return URI.create(url() + AuthRoutes.TOKEN_PATH);
    }

    public int port() {
        return port;
    }

    /** How many tokens the endpoint has handed out. */
    public int tokensIssued() {
        return issuer.issuedCount();
    }

    /** Stops serving; the objects stay, for {@link #restart}. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** Serves again on the same port with the same objects, every token forgotten, as a VTN after a restart. */
    public synchronized void restart() {
        stop();
        issuer.forgetAll();
        serve(port);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void serve(int onPort) {
        Bodies bodies = new Bodies(json);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(json, false));
            var routes = config.routes;
            new AuthRoutes(issuer).register(routes);
            new ProgramRoutes(bodies, objects, clock).register(routes);
            new EventRoutes(bodies, objects, clock).register(routes);
            new ReportRoutes(bodies, objects, clock).register(routes);
            new VenRoutes(bodies, objects, clock).register(routes);
            routes.exception(
                    VtnError.class, (e, ctx) -> ctx.status(e.status).json(problem(e.status, e.title, e.getMessage())));
            routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> ctx.status(e.getStatus())
                            .json(problem(e.getStatus(), e.getMessage(), ctx.method() + " " + ctx.path())));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500)
                        .json(problem(500, "Internal Server Error", e.getClass().getSimpleName()));
            });
        });
        app.start(HOST, onPort);
        port = app.port();
    }

    private static Problem problem(int status, String title, String detail) {
        return new Problem().status(status).title(title).detail(detail);
    }

    /**
     * The demo VTN: {@code InProcessVtn [port] [clientId:secret:BUSINESS_LOGIC|VEN ...]}; without
     * clients, {@code bl:bl-secret:BUSINESS_LOGIC} and {@code ven1:ven1-secret:VEN}. Runs until killed.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        List<VtnClient> clients = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] f = args[i].split(":", 3);
            if (f.length != 3) {
                System.err.println("client '" + args[i] + "' is not clientId:secret:BUSINESS_LOGIC|VEN");
                System.exit(2);
            }
            clients.add(new VtnClient(f[0], f[1], VtnClient.Role.valueOf(f[2])));
        }
        if (clients.isEmpty()) {
            clients.add(new VtnClient("bl", "bl-secret", VtnClient.Role.BUSINESS_LOGIC));
            clients.add(new VtnClient("ven1", "ven1-secret", VtnClient.Role.VEN));
        }
        try (InProcessVtn vtn = start(port, DEFAULT_TOKEN_LIFETIME, clients)) {
            System.out.println(
                    "OpenADR 3.1 VTN at " + vtn.url() + " (token endpoint " + vtn.tokenUrl() + "), clients " + clients);
            Thread.currentThread().join();
        }
    }
}
