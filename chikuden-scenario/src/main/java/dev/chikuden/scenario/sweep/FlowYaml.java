package dev.chikuden.scenario.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A value as YAML on one line, {@code {type: peak-shaving, dischargeAbove: 128 MW}}, that reads back the same. */
final class FlowYaml {
    /** Text that YAML reads back as the same string, unquoted. */
    private static final Pattern PLAIN =
            Pattern.compile("[A-Za-z0-9_][A-Za-z0-9 _.%°/+\\-]*[A-Za-z0-9_.%°/]|[A-Za-z_]");
    /** Plain text YAML would read as something else than a string. */
    private static final Pattern OTHER = Pattern.compile(
            "(?i)[-+]?(\\d[\\d_]*)?\\.?\\d*([eE][-+]?\\d+)?|true|false|null|yes|no|on|off|y|n|\\.inf|\\.nan");

    private FlowYaml() {}

    static String of(JsonNode n) {
        if (n.isObject()) {
            List<String> members = new ArrayList<>();
            n.properties().forEach(e -> members.add(scalar(e.getKey()) + ": " + of(e.getValue())));
            return "{" + String.join(", ", members) + "}";
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(item -> items.add(of(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return n.isTextual() ? scalar(n.asText()) : n.isNull() ? "null" : n.asText();
    }

    /** A string, quoted when YAML would misread it bare. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !OTHER.matcher(s).matches()) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
