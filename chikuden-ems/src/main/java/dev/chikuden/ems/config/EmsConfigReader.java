package dev.chikuden.ems.config;

import static dev.chikuden.units.Dimension.DURATION;
import static dev.chikuden.units.Dimension.POWER;

import dev.chikuden.Secrets;
import dev.chikuden.battery.BatteryParameters;
import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigNode;
import dev.chikuden.config.FileNames;
import dev.chikuden.config.Quantity;
import dev.chikuden.control.ControlChain;
import dev.chikuden.site.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the {@code ems:} section of a site file (how the live service runs the site), as the site
 * reader checked and parsed it with the rest of the file: the section's problems are reported here,
 * all at once with the rules of this module. Every field has a default, so a study's site file runs
 * live as it is. Relative paths are relative to the state directory; a state
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

    /** The supervisory cycle's bounds, as control.supervisory.period allows them. */
    public static final long MIN_CYCLE_MS = ControlChain.MIN_PERIOD_MS;

    public static final long MAX_CYCLE_MS = 60_000;

    private static final long DAY_MS = 86_400_000L;

    /** The {@code ems:} section as written, defaults filled in by the site schema. */
    record EmsFile(
            @Quantity(DURATION) Double cycle,
            int silentCycles,
            @Quantity(POWER) double safeSetpoint,
            SafeState safeState,
            @Quantity(DURATION) Double watchdog,
            String stateDir,
            Devices devices,
            Http http,
            Store store,
            String audit,
            Fleet fleet) {}

    record Fleet(
            String url,
            String site,
            String token,
            String tokenEnv,
            int buffer,
            @Quantity(DURATION) double maxHold,
            boolean insecure) {}

    record SafeState(boolean dischargeWithoutMeter) {}

    record Devices(
            String host,
            int port,
            @Quantity(DURATION) double timeout,
            int retries,
            @Quantity(DURATION) double backoff,
            String registerMap,
            Endpoint meter,
            List<Endpoint> batteries,
            Endpoint plantController) {}

    record Endpoint(String host, Integer port, Integer unitId) {}

    record Http(String bind, int port, String token, String tokenEnv, List<String> allowedOrigins) {}

    record Store(
            String file,
            String jdbcUrl,
            String user,
            String password,
            String passwordEnv,
            @Quantity(DURATION) double aggregate,
            Retention retention) {}

    record Retention(
            @Quantity(DURATION) double raw,
            @Quantity(DURATION) double aggregates) {}

    private final SiteConfig site;
    private final Map<String, String> env;

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
        if (site.ems() == null) {
            throw new IllegalArgumentException("site " + site.name() + " was built in code: read it from its file");
        }
        ConfigFile f = site.ems().open();
        EmsConfig config = new EmsConfigReader(site, env).parse(f.at(site.ems().pointer()));
        f.throwIfAny();
        return config;
    }

    private EmsConfig parse(ConfigNode at) {
        EmsFile e = at.bind(EmsFile.class);
        Path file = site.source();
        if (e.cycle() != null) {
            at.get("cycle")
                    .problem("has moved to control.supervisory.period (the EMS cycle is the control chain's "
                            + "supervisory loop): write control: {supervisory: {period: "
                            + at.get("cycle").text() + "}}");
        }
        // one source: the chain's supervisory period (1 s for a site without a control section)
        long cycleMs = site.control() == null ? 1000 : site.control().supervisoryPeriodMs();
        long watchdogMs = e.watchdog() == null
                ? Math.max(2000, 5 * cycleMs)
                : durationMs(e.watchdog(), at.get("watchdog"), 5000, 2 * cycleMs, 3_600_000);
        // by default beside where the service runs, not beside the site file (examples ship inside the jar)
        Path stateDir = e.stateDir() == null
                ? Path.of(STATE_DIR, FileNames.stem(file)).toAbsolutePath()
                : file.toAbsolutePath().getParent().resolve(e.stateDir()).normalize();
        return new EmsConfig(
                cycleMs,
                e.silentCycles(),
                safeSetpointKw(e.safeSetpoint(), at.get("safeSetpoint")),
                e.safeState() != null && e.safeState().dischargeWithoutMeter(),
                watchdogMs,
                devices(e.devices(), at.get("devices")),
                http(e.http(), at.get("http")),
                store(e.store(), at.get("store"), stateDir),
                stateDir.resolve(e.audit()).normalize(),
                stateDir,
                e.fleet() == null ? null : fleet(e.fleet(), at.get("fleet")));
    }

    /** A ws:// or wss:// URL; null after a problem (a missing one the schema reports). */
    private static java.net.URI webSocketUrl(String text, ConfigNode at) {
        try {
            java.net.URI url = new java.net.URI(text);
            if (java.util.Set.of("ws", "wss", "mqtt", "mqtts").contains(url.getScheme()) && url.getHost() != null) {
                return url;
            }
            at.problem("\"" + text + "\" is not a fleet URL: write ws://HOST:PORT/edge (wss:// for TLS), or"
                    + " mqtt://BROKER:1883/PREFIX (mqtts:// for TLS) to go through an MQTT broker");
        } catch (java.net.URISyntaxException ex) {
            at.problem("\"" + text + "\" is not a URL (" + ex.getReason() + ")");
        }
        return null;
    }

    private EmsConfig.FleetLink fleet(Fleet f, ConfigNode at) {
        java.net.URI url = f.url() == null ? null : webSocketUrl(f.url(), at.get("url"));
        if (url != null
                && ("ws".equals(url.getScheme()) || "mqtt".equals(url.getScheme()))
                && !f.insecure()
                && !loopback(url.getHost())) {
            at.get("url")
                    .problem(
                            "\"" + f.url() + "\" sends the site's token and takes setpoints in clear text over the"
                                    + " network: use wss:// or mqtts:// (TLS), or set insecure: true for a trusted private network");
        }
        String token = f.token() != null ? f.token() : env.get(f.tokenEnv());
        if (token == null || token.isBlank()) {
            at.problem("has no token: set ems.fleet.token or the environment variable " + f.tokenEnv()
                    + " to this site's token in the fleet file");
        } else if (token.strip().length() < 16) {
            at.get(f.token() != null ? "token" : "tokenEnv")
                    .problem("is " + token.strip().length() + " characters; a fleet token needs at least 16");
        }
        long maxHoldMs = durationMs(f.maxHold(), at.get("maxHold"), 30_000, 1_000, 600_000);
        return new EmsConfig.FleetLink(url, f.site(), token == null ? null : token.strip(), f.buffer(), maxHoldMs);
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** The safe setpoint, which the batteries must be able to hold: within their summed rating; 0 after a problem. */
    private double safeSetpointKw(double kw, ConfigNode at) {
        double charge = site.batteries().stream()
                .mapToDouble(BatteryParameters::chargePowerKw)
                .sum();
        double discharge = site.batteries().stream()
                .mapToDouble(BatteryParameters::dischargePowerKw)
                .sum();
        if (!(kw >= -charge && kw <= discharge)) {
            at.problem("\"" + at.text() + "\" is outside the batteries' rating: the safe setpoint must be from "
                    + Math.round(-charge) + " kW (charging) to " + Math.round(discharge) + " kW (discharging)");
            return 0;
        }
        return kw;
    }

    private EmsConfig.Devices devices(Devices d, ConfigNode at) {
        String map = d.registerMap();
        if (!EmsConfig.SUNSPEC.equals(map)) {
            Path p = site.source().toAbsolutePath().getParent().resolve(map).normalize();
            if (!Files.isRegularFile(p)) {
                at.get("registerMap")
                        .problem("\"" + map + "\" is neither " + EmsConfig.SUNSPEC
                                + " nor a register-map file (looked for " + p + ")");
            }
            map = p.toString();
        }
        List<BatteryParameters> units = site.batteries();
        EmsConfig.Endpoint meter =
                endpoint(d.meter(), "meter", d, Math.min(MAX_UNIT_ID, Math.max(METER_UNIT_ID, units.size() + 1)));
        List<Endpoint> given = d.batteries() == null ? List.of() : d.batteries();
        if (!given.isEmpty() && given.size() != units.size()) {
            at.get("batteries")
                    .problem("lists " + given.size() + " endpoints for the site's " + units.size()
                            + " batteries; give one per battery, in the order of batteries:, or none for unit ids 1.."
                            + units.size());
        }
        if (given.isEmpty() && units.size() >= MAX_UNIT_ID) {
            at.get("batteries")
                    .problem(units.size() + " batteries and the meter do not fit the Modbus unit ids 1 .. "
                            + MAX_UNIT_ID + " of one address; give each battery its endpoint under "
                            + at.get("batteries").path());
        }
        List<EmsConfig.Endpoint> batteries = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Endpoint one = i < given.size() ? given.get(i) : new Endpoint(null, null, null);
            batteries.add(endpoint(one, units.get(i).name(), d, i + 1));
        }
        for (EmsConfig.Endpoint b : batteries) {
            if (b.unitId() == meter.unitId() && b.host().equals(meter.host()) && b.port() == meter.port()) {
                at.get("meter")
                        .get("unitId")
                        .problem("unit id " + meter.unitId() + " is also battery " + b.name()
                                + "'s; every device behind one address needs its own unit id");
            }
        }
        return new EmsConfig.Devices(
                List.copyOf(batteries),
                meter,
                durationMs(d.timeout(), at.get("timeout"), 250, 10, 60_000),
                d.retries(),
                durationMs(d.backoff(), at.get("backoff"), 1000, 10, 30_000),
                map,
                endpoint(d.plantController(), "plant controller", d, Math.min(MAX_UNIT_ID, meter.unitId() + 1)));
    }

    /** An endpoint, each of host, port and unit id given or else the devices' own. */
    private static EmsConfig.Endpoint endpoint(Endpoint e, String name, Devices d, int unitId) {
        Endpoint given = e == null ? new Endpoint(null, null, null) : e;
        return new EmsConfig.Endpoint(
                name,
                given.host() != null ? given.host() : d.host(),
                given.port() != null ? given.port() : d.port(),
                given.unitId() != null ? given.unitId() : unitId);
    }

    private EmsConfig.Http http(Http h, ConfigNode at) {
        List<String> origins = h.allowedOrigins() == null
                ? List.of()
                : h.allowedOrigins().stream()
                        .filter(Objects::nonNull) // one the schema refused, reported with the rest
                        .map(o -> o.toLowerCase(Locale.ROOT))
                        .toList();
        if (h.token() != null) {
            if (h.token().length() < 16) {
                at.get("token").problem("is " + h.token().length() + " characters; a write token needs at least 16");
            }
            return new EmsConfig.Http(h.bind(), h.port(), h.token(), "the site file (ems.http.token)", origins);
        }
        String fromEnv = env.get(h.tokenEnv());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new EmsConfig.Http(
                    h.bind(), h.port(), fromEnv.strip(), "the environment variable " + h.tokenEnv(), origins);
        }
        return new EmsConfig.Http(
                h.bind(),
                h.port(),
                null,
                "nowhere: set ems.http.token or the environment variable " + h.tokenEnv()
                        + "; until then every write is refused",
                origins);
    }

    private EmsConfig.Store store(Store s, ConfigNode at, Path stateDir) {
        if (s.jdbcUrl() != null && !s.jdbcUrl().startsWith("jdbc:postgresql:")) {
            at.get("jdbcUrl")
                    .problem("\"" + Secrets.mask(s.jdbcUrl()) + "\" is not a PostgreSQL JDBC URL "
                            + "(jdbc:postgresql://HOST:PORT/DB); leave it out for the embedded file");
        }
        String user = s.user() != null ? s.user() : env.getOrDefault("PGUSER", System.getProperty("user.name"));
        String password = s.password() != null ? s.password() : env.getOrDefault(s.passwordEnv(), "");
        ConfigNode keep = at.get("retention");
        return new EmsConfig.Store(
                stateDir.resolve(s.file()).normalize(),
                s.jdbcUrl(),
                user,
                password,
                durationMs(s.retention().raw(), keep.get("raw"), 7 * DAY_MS, 60_000, 3650 * DAY_MS),
                durationMs(s.aggregate(), at.get("aggregate"), 60_000, 1000, DAY_MS),
                durationMs(s.retention().aggregates(), keep.get("aggregates"), 400 * DAY_MS, 60_000, 36500 * DAY_MS));
    }

    /** A duration in whole milliseconds within {@code [minMs, maxMs]}; {@code fallbackMs} after a problem. */
    private static long durationMs(double seconds, ConfigNode at, long fallbackMs, long minMs, long maxMs) {
        long ms = Math.round(seconds * 1000);
        if (ms < minMs || ms > maxMs) {
            at.problem("\"" + ms + " ms\" is outside the allowed range " + minMs + " ms .. " + maxMs + " ms");
            return fallbackMs;
        }
        return ms;
    }
}
