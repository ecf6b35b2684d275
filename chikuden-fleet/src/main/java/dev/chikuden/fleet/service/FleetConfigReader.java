package dev.chikuden.fleet.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.chikuden.BadInputException;
import dev.chikuden.config.ConfigFile;
import dev.chikuden.config.ConfigSchema;
import dev.chikuden.config.FileNames;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.openadr.VenConfig;
import dev.chikuden.openadr.VenConfigReader;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import dev.chikuden.units.QuantityFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a fleet file. Every error names the file, the field and the value, and says what is allowed.
 *
 * <pre>
 * name: Kansai portfolio
 * cycle: 1 s                 # the dispatch cycle, 50 ms .. 60 s
 * staleCycles: 3             # a site silent this many cycles is asked nothing
 * expiryCycles: 5            # a request sent to a site holds this many cycles unless renewed
 * http: {bind: 127.0.0.1, port: 8090, tokenEnv: CHIKUDEN_FLEET_HTTP_TOKEN}
 * audit: fleet-audit.jsonl   # beside the fleet file; default chikuden-state/NAME/fleet-audit.jsonl where it runs
 * sites:
 *   - {id: sakai-1, tokenEnv: CHIKUDEN_FLEET_SAKAI_1}
 * openadr: {...}             # optional: the fleet as a VEN (see VenConfigReader)
 * demandResponse:
 *   simpleReductions: [10 %, 25 %, 50 %]  # import reduction for SIMPLE levels 1, 2, 3
 * </pre>
 */
public final class FleetConfigReader {
    static final long MIN_CYCLE_MS = 50;
    static final long MAX_CYCLE_MS = 60_000;
    private static final Set<String> FIELDS = Set.of(
            "name",
            "cycle",
            "staleCycles",
            "expiryCycles",
            "http",
            "audit",
            "sites",
            "openadr",
            "demandResponse",
            "mqtt");
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ConfigSchema SCHEMA = ConfigSchema.of("fleet.schema.json");

    private final Map<String, String> env;
    private final Path file;

    private FleetConfigReader(Path file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    /** The fleet file, its secrets from the process environment where it names variables. */
    public static FleetFile read(Path file) {
        return read(file, System.getenv());
    }

    public static FleetFile read(Path file, Map<String, String> env) {
        if (Files.isRegularFile(file)) {
            // the schema first: each problem with its line and column
            ConfigFile f = ConfigFile.read(file, "a fleet file needs its sites");
            f.check(SCHEMA);
            f.throwIfAny();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the fleet file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": a fleet file is a mapping of " + sorted(FIELDS));
        }
        return new FleetConfigReader(file, env).parse(root);
    }

    /**
     * A fleet file: the service's settings, the VEN's when the fleet answers a VTN, the broker's when
     * sites also link through MQTT.
     */
    public record FleetFile(FleetConfig fleet, VenConfig openadr, List<Double> simpleReductions, Broker mqtt) {}

    /** An MQTT broker the sites' links also go through: its URL (the path is the topic prefix) and login. */
    public record Broker(java.net.URI url, String username, String password) {
        @Override
        public String toString() {
            return "Broker[" + url + ", user " + username + "]";
        }
    }

    private FleetFile parse(JsonNode root) {
        known(root, FIELDS, "");
        String name = root.path("name").asText(file.getFileName().toString());
        long cycleMs = Math.round(quantity(root, "cycle", "1 s", Dimension.DURATION) * 1000);
        if (cycleMs < MIN_CYCLE_MS || cycleMs > MAX_CYCLE_MS) {
            throw bad(
                    "cycle",
                    root.path("cycle").asText(),
                    "from " + MIN_CYCLE_MS + " ms to " + MAX_CYCLE_MS / 1000 + " s");
        }
        int stale = count(root, "staleCycles", "", 3, 1, 1000);
        // a request must outlive the jitter of one late cycle, or sites fall back between renewals
        int expiry = count(root, "expiryCycles", "", 5, 2, 1000);
        JsonNode http = root.path("http");
        known(http, Set.of("bind", "port", "token", "tokenEnv"), "http.");
        String bind = http.path("bind").asText("127.0.0.1");
        int port = count(http, "port", "http.", 8090, 0, 65535);
        String token = secret(http, "http.", "CHIKUDEN_FLEET_HTTP_TOKEN", false);
        // by default beside where the service runs, as serve keeps its state: not beside the file (examples ship in the
        // jar)
        Path audit = root.has("audit")
                ? file.toAbsolutePath()
                        .getParent()
                        .resolve(root.get("audit").asText())
                        .normalize()
                : Path.of(EmsConfigReader.STATE_DIR, FileNames.stem(file), "fleet-audit.jsonl")
                        .toAbsolutePath();
        List<FleetConfig.Site> sites = sites(root.path("sites"));
        VenConfig ven = root.has("openadr") ? new VenConfigReader().read(root.get("openadr"), file + " openadr") : null;
        List<Double> reductions = reductions(root.path("demandResponse"));
        return new FleetFile(
                new FleetConfig(name, cycleMs, stale, expiry, bind, port, token, sites, audit),
                ven,
                reductions,
                root.has("mqtt") ? broker(root.get("mqtt")) : null);
    }

    private Broker broker(JsonNode m) {
        String text = m.path("url").asText("");
        java.net.URI url;
        try {
            url = new java.net.URI(text);
        } catch (java.net.URISyntaxException e) {
            throw bad("mqtt.url", text, "mqtt://BROKER:1883/PREFIX, or mqtts:// for TLS");
        }
        if (!("mqtt".equals(url.getScheme()) || "mqtts".equals(url.getScheme())) || url.getHost() == null) {
            throw bad("mqtt.url", text, "mqtt://BROKER:1883/PREFIX, or mqtts:// for TLS");
        }
        String password = m.has("password") ? m.get("password").asText() : null;
        if (password == null && m.has("passwordEnv")) {
            password = env.get(m.get("passwordEnv").asText());
            if (password == null) {
                throw bad("mqtt.passwordEnv", m.get("passwordEnv").asText(), "an environment variable that is set");
            }
        }
        return new Broker(url, m.has("username") ? m.get("username").asText() : null, password);
    }

    private List<FleetConfig.Site> sites(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            throw new BadInputException(
                    file + ": sites: give the portfolio's sites, a list of {id, token or tokenEnv}");
        }
        List<FleetConfig.Site> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String at = "sites[" + i + "].";
            known(s, Set.of("id", "token", "tokenEnv"), at);
            String id = s.path("id").asText(null);
            if (id == null || !SITE_ID.matcher(id).matches()) {
                throw bad(
                        at + "id",
                        id,
                        "1 to 64 letters, digits, '.', '_' or '-' (the id the site's ems.fleet.site gives)");
            }
            if (!seen.add(id)) {
                throw bad(at + "id", id, "each site once");
            }
            out.add(new FleetConfig.Site(id, secret(s, at, null, true)));
        }
        return out;
    }

    private List<Double> reductions(JsonNode dr) {
        known(dr, Set.of("simpleReductions"), "demandResponse.");
        JsonNode list = dr.path("simpleReductions");
        if (list.isMissingNode()) {
            return List.of(0.10, 0.25, 0.50);
        }
        if (!list.isArray() || list.size() != 3) {
            throw bad(
                    "demandResponse.simpleReductions",
                    list.toString(),
                    "three fractions, for SIMPLE levels 1, 2 and 3");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double r = fraction(list.get(i).asText(), "demandResponse.simpleReductions[" + i + "]");
            if (i > 0 && r < out.get(i - 1)) {
                throw bad(
                        "demandResponse.simpleReductions[" + i + "]",
                        list.get(i).asText(),
                        "at least level " + i + "'s");
            }
            out.add(r);
        }
        return List.copyOf(out);
    }

    private double fraction(String text, String field) {
        try {
            double v = Quantities.parse(text, Dimension.FRACTION);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (QuantityFormatException e) {
            // said below
        }
        throw bad(field, text, "a fraction from 0 % to 100 %");
    }

    private String secret(JsonNode at, String prefix, String defaultEnv, boolean required) {
        String given = at.path("token").asText(null);
        String envName = at.path("tokenEnv").asText(defaultEnv);
        String value = given != null ? given : envName == null ? null : env.get(envName);
        if ((value == null || value.isBlank()) && given == null && at.has("tokenEnv")) {
            throw new BadInputException(file + ": " + prefix + "tokenEnv: the environment variable '" + envName
                    + "' is not set or empty; set it to the token (at least 16 characters)");
        }
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BadInputException(file + ": " + prefix + "token: missing; give token, or tokenEnv naming an"
                        + " environment variable that holds it (at least 16 characters)");
            }
            return null;
        }
        value = value.strip();
        if (value.length() < 16) {
            throw new BadInputException(file + ": " + prefix + (given != null ? "token" : "tokenEnv")
                    + ": the token is " + value.length() + " characters; at least 16 are needed");
        }
        return value;
    }

    private double quantity(JsonNode at, String field, String fallback, Dimension d) {
        String text = at.path(field).asText(fallback);
        try {
            return Quantities.parse(text, d);
        } catch (QuantityFormatException e) {
            throw bad(field, text, e.getMessage());
        }
    }

    private int count(JsonNode at, String field, String prefix, int fallback, int min, int max) {
        JsonNode n = at.path(field);
        if (n.isMissingNode()) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            throw bad(prefix + field, n.asText(), "a whole number from " + min + " to " + max);
        }
        return n.asInt();
    }

    private void known(JsonNode at, Set<String> allowed, String prefix) {
        if (at.isMissingNode()) {
            return;
        }
        if (!at.isObject()) {
            throw new BadInputException(file + ": " + (prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1))
                    + ": must be a mapping of " + sorted(allowed));
        }
        for (Iterator<String> names = at.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new BadInputException(file + ": " + prefix + n + ": unknown field; allowed: " + sorted(allowed));
            }
        }
    }

    private BadInputException bad(String field, String value, String allowed) {
        return new BadInputException(file + ": " + field + ": '" + value + "' is not allowed; " + allowed);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
