package dev.chikuden.openadr;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.chikuden.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link VenConfig} from a section of a YAML or JSON file, for example:
 *
 * <pre>
 * openadr:
 *   vtnUrl: https://vtn.example.jp/openadr3/3.1.0
 *   tokenUrl: https://auth.example.jp/token     # optional: vtnUrl + /auth/token
 *   clientId: ven-tokyo-1
 *   clientSecretEnv: CHIKUDEN_OPENADR_SECRET    # or clientSecret: ...
 *   venName: chikuden-fleet-tokyo
 *   programNames: [capacity-tokyo, dr-tokyo]
 *   pollPeriod: 30 s                            # optional, default 30 s; or PT30S
 * </pre>
 *
 * Every error names the file, the field and the value, and says what is allowed.
 */
public final class VenConfigReader {
    public static final Duration DEFAULT_POLL_PERIOD = Duration.ofSeconds(30);
    private static final Duration MIN_POLL_PERIOD = Duration.ofMillis(10);
    private static final Set<String> FIELDS = Set.of(
            "vtnUrl",
            "tokenUrl",
            "clientId",
            "clientSecret",
            "clientSecretEnv",
            "venName",
            "programNames",
            "pollPeriod");
    private static final Pattern HUMAN_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h)");
    private static final ObjectMapper YAML = new YAMLMapper();

    private final UnaryOperator<String> environment;

    public VenConfigReader() {
        this(System::getenv);
    }

    VenConfigReader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** The section at {@code pointer} (a JSON pointer such as {@code /openadr}) of a YAML or JSON file. */
    public VenConfig read(Path file, String pointer) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode section = root == null ? null : root.at(JsonPointer.compile(pointer));
        if (section == null || section.isMissingNode()) {
            throw new BadInputException(file + ": no section " + pointer + " (the VEN's settings)");
        }
        return read(section, file + " " + pointer.substring(1).replace('/', '.'));
    }

    /** A section already parsed; {@code where} starts each message (file and section). */
    public VenConfig read(JsonNode section, String where) {
        if (!section.isObject()) {
            throw new BadInputException(where + ": must be a mapping of " + new ArrayList<>(FIELDS));
        }
        for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadInputException(where + "." + name + ": unknown field; allowed: "
                        + FIELDS.stream().sorted().toList());
            }
        }
        URI vtnUrl = url(section, "vtnUrl", where);
        URI tokenUrl = section.has("tokenUrl") ? url(section, "tokenUrl", where) : VenConfig.defaultTokenUrl(vtnUrl);
        String clientId = text(section, "clientId", where, false);
        String secret = secret(section, where);
        if ((clientId == null) != (secret == null)) {
            throw new BadInputException(where + ": clientId and clientSecret (or clientSecretEnv) go together; give "
                    + "both, or neither for a VTN without authentication");
        }
        String venName = text(section, "venName", where, true);
        if (venName.length() > 128) {
            throw new BadInputException(where + ".venName: '" + venName + "' is longer than 128 characters");
        }
        return new VenConfig(
                vtnUrl, tokenUrl, clientId, secret, venName, programNames(section, where), pollPeriod(section, where));
    }

    private String secret(JsonNode section, String where) {
        String given = text(section, "clientSecret", where, false);
        String env = text(section, "clientSecretEnv", where, false);
        if (given != null && env != null) {
            throw new BadInputException(where + ": give clientSecret or clientSecretEnv, not both");
        }
        if (env == null) {
            return given;
        }
        String value = environment.apply(env);
        if (value == null || value.isEmpty()) {
            throw new BadInputException(
                    where + ".clientSecretEnv: the environment variable '" + env + "' is not set or empty");
        }
        return value;
    }

    private static URI url(JsonNode section, String field, String where) {
        String text = text(section, field, where, true);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new URISyntaxException(text, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInputException(where + "." + field + ": '" + text
                    + "' is not an absolute http(s) URL (e.g. https://vtn.example.jp/openadr3)");
        }
    }

    private static List<String> programNames(JsonNode section, String where) {
        JsonNode names = section.get("programNames");
        if (names == null || !names.isArray() || names.isEmpty()) {
            throw new BadInputException(where + ".programNames: " + describe(names)
                    + " is not a list of at least one programName (e.g. [capacity-tokyo])");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode n = names.get(i);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new BadInputException(
                        where + ".programNames[" + i + "]: " + describe(n) + " is not a programName (text)");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static Duration pollPeriod(JsonNode section, String where) {
        if (!section.has("pollPeriod")) {
            return DEFAULT_POLL_PERIOD;
        }
        String text = text(section, "pollPeriod", where, true).trim();
        Duration d = parseDuration(text);
        if (d == null || d.compareTo(MIN_POLL_PERIOD) < 0) {
            throw new BadInputException(where + ".pollPeriod: '" + text + "' is not a duration of at least "
                    + MIN_POLL_PERIOD.toMillis() + " ms; write 30 s, 500 ms, 2 min or ISO 8601 (PT30S)");
        }
        return d;
    }

    private static Duration parseDuration(String text) {
        Matcher m = HUMAN_DURATION.matcher(text);
        if (m.matches()) {
            double value = Double.parseDouble(m.group(1));
            double ms = switch (m.group(2)) {
                case "ms" -> value;
                case "s" -> value * 1e3;
                case "min" -> value * 60e3;
                default -> value * 3600e3;
            };
            return Duration.ofNanos(Math.round(ms * 1e6));
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode section, String field, String where, boolean required) {
        JsonNode n = section.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadInputException(where + "." + field + ": missing; it is required");
            }
            return null;
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw new BadInputException(where + "." + field + ": " + describe(n) + " is not a non-empty text");
        }
        return n.asText();
    }

    private static String describe(JsonNode n) {
        return n == null ? "nothing" : "'" + n + "'";
    }
}
