package dev.chikuden.ems.config;

import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.site.ConfigException;
import dev.chikuden.site.ConfigProblem;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.YamlDocument;
import dev.chikuden.site.YamlMap;
import dev.chikuden.units.Dimension;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code ems:} section of a site file (how the live service runs the site). Every field has
 * a default, so a study's site file runs live as it is; every problem is collected with its line and
 * field, as the site reader does. Relative paths are relative to the state directory; a state
 * directory given is relative to the site file, the default is {@code chikuden-state/SITE} in the
 * working directory.
 */
public final class EmsConfigReader {
    /** The environment variable that holds the API's write token unless the file names another. */
    public static final String TOKEN_ENV = "CHIKUDEN_TOKEN";
    /** Where a service keeps its files unless the site file says: this folder of the working directory. */
    public static final String STATE_DIR = "chikuden-state";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_DEVICE_PORT = 1502;
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** The grid meter's Modbus unit id (N + 1 for N >= 100 batteries); battery i answers as unit i + 1. */
    public static final int METER_UNIT_ID = 100;
    /** The largest unit id Modbus addresses (248 .. 255 are reserved). */
    public static final int MAX_UNIT_ID = 247;
    public static final long MIN_CYCLE_MS = 100;
    public static final long MAX_CYCLE_MS = 60_000;

    private static final long DAY_MS = 86_400_000L;

    private final SiteConfig site;
    private final Map<String, String> env;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private EmsConfigReader(SiteConfig site, Map<String, String> env) {
        this.site = site;
        this.env = env;
    }

    /** The site's live settings, the token taken from the process environment when the file gives none. */
    public static EmsConfig read(SiteConfig site) {
        return read(site, System.getenv());
    }

    /** As {@link #read(SiteConfig)}, with the environment given (for tests). */
    public static EmsConfig read(SiteConfig site, Map<String, String> env) {
        return new EmsConfigReader(site, env).parse();
    }

    private EmsConfig parse() {
        Path file = site.source();
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = YamlDocument.compose(file, r, "a site file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        YamlMap ems = new YamlMap(file, problems, "", root).map("ems");
        long cycleMs = durationMs(ems, "cycle", 1000, MIN_CYCLE_MS, MAX_CYCLE_MS);
        int silentCycles = (int) ems.number("silentCycles", 1, 1, 1000);
        double safeKw = ems.quantity("safeSetpoint", Dimension.POWER, 0);
        long watchdogMs = durationMs(ems, "watchdog", Math.max(2000, 5 * cycleMs), 2 * cycleMs, 3_600_000);
        // by default beside where the service runs, not beside the site file (examples ship inside the jar)
        Path stateDir = path(ems, "stateDir", file.toAbsolutePath().getParent(),
                Path.of(STATE_DIR, stem(file)).toAbsolutePath());
        EmsConfig.Devices devices = devices(ems.map("devices"));
        EmsConfig.Http http = http(ems.map("http"));
        EmsConfig.Store store = store(ems.map("store"), stateDir);
        Path audit = path(ems, "audit", stateDir, Path.of("audit.jsonl"));
        ems.finish();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new EmsConfig(cycleMs, silentCycles, safeKw, watchdogMs, devices, http, store, audit, stateDir);
    }

    private EmsConfig.Devices devices(YamlMap m) {
        String host = m.text("host", DEFAULT_HOST);
        int port = port(m, "port", DEFAULT_DEVICE_PORT);
        long timeoutMs = durationMs(m, "timeout", 250, 10, 60_000);
        int retries = (int) m.number("retries", 1, 0, 10);
        long backoffMs = durationMs(m, "backoff", 1000, 10, 30_000);
        String map = m.text("registerMap", EmsConfig.SUNSPEC);
        if (!EmsConfig.SUNSPEC.equals(map)) {
            Path p = site.source().toAbsolutePath().getParent().resolve(map).normalize();
            if (!Files.isRegularFile(p)) {
                m.problem("registerMap", "\"" + map + "\" is neither " + EmsConfig.SUNSPEC
                        + " nor a register-map file (looked for " + p + ")");
            }
            map = p.toString();
        }
        List<BatteryParameters> units = site.batteries();
        EmsConfig.Endpoint meter = endpoint(m.map("meter"), "meter", host, port,
                Math.min(MAX_UNIT_ID, Math.max(METER_UNIT_ID, units.size() + 1)));
        List<EmsConfig.Endpoint> batteries = new ArrayList<>();
        List<YamlMap> given = m.maps("batteries", false, "battery endpoints ({unitId, host, port})");
        if (!given.isEmpty() && given.size() != units.size()) {
            m.problem("batteries", "lists " + given.size() + " endpoints for the site's " + units.size()
                    + " batteries; give one per battery, in the order of batteries:, or none for unit ids 1.."
                    + units.size());
        }
        if (given.isEmpty() && units.size() >= MAX_UNIT_ID) {
            m.problem(null, m.at("batteries"), units.size() + " batteries and the meter do not fit the Modbus unit ids"
                    + " 1 .. " + MAX_UNIT_ID + " of one address; give each battery its endpoint under "
                    + m.at("batteries"));
        }
        for (int i = 0; i < units.size(); i++) {
            YamlMap one = i < given.size() ? given.get(i)
                    : new YamlMap(site.source(), problems, m.at("batteries[" + i + "]"), null);
            batteries.add(endpoint(one, units.get(i).name(), host, port, i + 1));
        }
        for (EmsConfig.Endpoint b : batteries) {
            if (b.unitId() == meter.unitId() && b.host().equals(meter.host()) && b.port() == meter.port()) {
                m.problem(null, m.at("meter.unitId"), "unit id " + meter.unitId() + " is also battery " + b.name()
                        + "'s; every device behind one address needs its own unit id");
            }
        }
        m.finish();
        return new EmsConfig.Devices(List.copyOf(batteries), meter, timeoutMs, retries, backoffMs, map);
    }

    private EmsConfig.Endpoint endpoint(YamlMap m, String name, String host, int port, int unitId) {
        EmsConfig.Endpoint e = new EmsConfig.Endpoint(name, m.text("host", host), port(m, "port", port),
                (int) m.number("unitId", unitId, 1, MAX_UNIT_ID));
        m.finish();
        return e;
    }

    private EmsConfig.Http http(YamlMap m) {
        String bind = m.text("bind", DEFAULT_HOST);
        int port = port(m, "port", DEFAULT_HTTP_PORT);
        String literal = m.text("token", "");
        String tokenEnv = m.text("tokenEnv", TOKEN_ENV);
        m.finish();
        if (!literal.isEmpty()) {
            if (literal.length() < 16) {
                m.problem("token", "is " + literal.length() + " characters; a write token needs at least 16");
            }
            return new EmsConfig.Http(bind, port, literal, "the site file (ems.http.token)");
        }
        String fromEnv = env.get(tokenEnv);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new EmsConfig.Http(bind, port, fromEnv.strip(), "the environment variable " + tokenEnv);
        }
        return new EmsConfig.Http(bind, port, null, "nowhere: set ems.http.token or the environment variable "
                + tokenEnv + "; until then every write is refused");
    }

    private EmsConfig.Store store(YamlMap m, Path stateDir) {
        Path file = path(m, "file", stateDir, Path.of("telemetry.duckdb"));
        String url = m.text("jdbcUrl", "");
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            m.problem("jdbcUrl", "\"" + url + "\" is not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB); "
                    + "leave it out for the embedded file");
        }
        String user = m.text("user", env.getOrDefault("PGUSER", System.getProperty("user.name")));
        String password = m.text("password", "");
        String passwordEnv = m.text("passwordEnv", "PGPASSWORD");
        if (password.isEmpty()) {
            password = env.getOrDefault(passwordEnv, "");
        }
        long aggregateMs = durationMs(m, "aggregate", 60_000, 1000, DAY_MS);
        YamlMap keep = m.map("retention");
        long rawMs = durationMs(keep, "raw", 7 * DAY_MS, 60_000, 3650 * DAY_MS);
        long aggMs = durationMs(keep, "aggregates", 400 * DAY_MS, 60_000, 36500 * DAY_MS);
        keep.finish();
        m.finish();
        return new EmsConfig.Store(file, url.isEmpty() ? null : url, user, password, rawMs, aggregateMs, aggMs);
    }

    private static long durationMs(YamlMap m, String key, long fallbackMs, long minMs, long maxMs) {
        double s = m.quantity(key, Dimension.DURATION, fallbackMs / 1000.0);
        if (Double.isNaN(s)) {
            return fallbackMs;
        }
        long ms = Math.round(s * 1000);
        if (ms < minMs || ms > maxMs) {
            m.problem(key, "\"" + ms + " ms\" is outside the allowed range " + minMs + " ms .. " + maxMs + " ms");
            return fallbackMs;
        }
        return ms;
    }

    private static int port(YamlMap m, String key, int fallback) {
        double p = m.number(key, fallback, 0, 65535);
        return Double.isNaN(p) ? fallback : (int) p;
    }

    private static Path path(YamlMap m, String key, Path base, Path fallback) {
        String t = m.text(key, "");
        return base.resolve(t.isEmpty() ? fallback : Path.of(t)).normalize();
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
