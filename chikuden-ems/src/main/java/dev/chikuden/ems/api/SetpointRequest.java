package dev.chikuden.ems.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Locale;

/**
 * The body of {@code POST /api/setpoint}: {@code {"kw": 5000, "expiresInSeconds": 600}}. Both are
 * required (a manual override must say when it ends); unknown fields are refused so a typo such as
 * {@code "kW"} is not silently ignored. A power past the site's batteries' ratings is refused, so
 * a typo of a few zeros is not held as "as much as possible"; within them, higher controller layers
 * (SOC and power limits, the backup reserve) still clamp the setpoint, as in simulation.
 *
 * @param kw               site battery power to hold, {@code > 0} discharge
 * @param expiresInSeconds how long to hold it
 */
record SetpointRequest(double kw, long expiresInSeconds) {
    static final long MAX_EXPIRY_S = 86_400;

    static SetpointRequest parse(ObjectMapper json, String body, SiteLimits site) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(
                    null,
                    "the body is not JSON (" + e.getOriginalMessage()
                            + "); expected {\"kw\": number, \"expiresInSeconds\": 1.." + MAX_EXPIRY_S + "}");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest(
                    null,
                    "the body must be a JSON object: {\"kw\": number, \"expiresInSeconds\": 1.." + MAX_EXPIRY_S + "}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("kw") && !name.equals("expiresInSeconds")) {
                throw ApiError.badRequest(name, "unknown field \"" + name + "\"; allowed: kw, expiresInSeconds");
            }
        }
        JsonNode kw = root.get("kw");
        if (kw == null || !kw.isNumber() || !Double.isFinite(kw.doubleValue())) {
            throw ApiError.badRequest(
                    "kw", "kw must be a finite number of kW (> 0 discharges, < 0 charges), was " + shown(kw));
        }
        if (kw.doubleValue() < -site.maxChargeKw() || kw.doubleValue() > site.maxDischargeKw()) {
            throw ApiError.badRequest(
                    "kw",
                    String.format(
                            Locale.ROOT,
                            "kw must be from %,.0f (charging) to %,.0f kW "
                                    + "(discharging), the site's batteries' ratings; was %s",
                            -site.maxChargeKw(),
                            site.maxDischargeKw(),
                            shown(kw)));
        }
        JsonNode expiry = root.get("expiresInSeconds");
        if (expiry == null
                || !expiry.isNumber()
                || !isWhole(expiry)
                || expiry.doubleValue() < 1
                || expiry.doubleValue() > MAX_EXPIRY_S) {
            throw ApiError.badRequest(
                    "expiresInSeconds",
                    "expiresInSeconds must be a whole number of seconds from 1 to " + MAX_EXPIRY_S + " (24 h), was "
                            + shown(expiry));
        }
        return new SetpointRequest(kw.doubleValue(), expiry.longValue());
    }

    private static boolean isWhole(JsonNode n) {
        return n.canConvertToExactIntegral();
    }

    private static String shown(JsonNode n) {
        return n == null ? "missing" : n.toString();
    }
}
