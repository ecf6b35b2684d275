package dev.chikuden.openadr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chikuden.openadr.model.EventRequest;
import dev.chikuden.openadr.model.ProgramRequest;
import dev.chikuden.openadr.model.ReportRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The User Guide's example bodies read into the generated models (strictly: a property the models
 * lack fails) and written back: the same JSON, up to how a date-time is spelled, plus the schema's
 * defaults the models fill in and a null for a required field the example leaves out (the
 * descriptors' objectType).
 */
class SpecExamplesTest {
    private static final ObjectMapper STRICT =
            OpenAdrJson.mapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<?>> TYPES =
            Map.of("event", EventRequest.class, "program", ProgramRequest.class, "report", ReportRequest.class);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "event-7.2-3-minimal.json",
                "event-7.3-1-multi-price.json",
                "event-7.4-1-variable-intervals.json",
                "event-7.6-1-payload-descriptors.json",
                "event-8.3-2-pricing.json",
                "event-8.10.1-1-capacity-limits.json",
                "program-8.3-1-pricing.json",
                "report-7.2-5-minimal.json",
                "report-8.3-4-usage.json",
                "report-8.10.2-3-capacity-reservation.json"
            })
    void roundTrips(String file) throws IOException {
        JsonNode original;
        try (InputStream in = getClass().getResourceAsStream("examples/" + file)) {
            original = STRICT.readTree(in);
        }
        Class<?> type = TYPES.get(file.substring(0, file.indexOf('-')));
        Object model = STRICT.treeToValue(original, type);
        JsonNode written = STRICT.readTree(STRICT.writeValueAsString(model));
        assertSameUpToDefaults(normalized(written), normalized(original), "");
    }

    /** The schema's defaults (components.schemas: duration, intervalPeriod, reportDescriptor). */
    private static final Map<String, JsonNode> DEFAULTS = Map.of(
            "duration", new TextNode("PT0S"),
            "randomizeStart", new TextNode("PT0S"),
            "aggregate", BooleanNode.FALSE,
            "reportIntervals", new TextNode("INTERVALS"),
            "objectType", NullNode.instance);

    private static void assertSameUpToDefaults(JsonNode written, JsonNode original, String at) {
        if (original instanceof ObjectNode o) {
            assertThat(written.isObject()).as(at).isTrue();
            for (Map.Entry<String, JsonNode> e : written.properties()) {
                if (o.has(e.getKey())) {
                    assertSameUpToDefaults(e.getValue(), o.get(e.getKey()), at + "/" + e.getKey());
                } else {
                    assertThat(e.getValue())
                            .as(at + "/" + e.getKey() + " (added)")
                            .isEqualTo(DEFAULTS.get(e.getKey()));
                }
            }
            o.fieldNames()
                    .forEachRemaining(name ->
                            assertThat(written.has(name)).as(at + "/" + name).isTrue());
        } else if (original instanceof ArrayNode a) {
            assertThat(written.size()).as(at).isEqualTo(a.size());
            for (int i = 0; i < a.size(); i++) {
                assertSameUpToDefaults(written.get(i), a.get(i), at + "/" + i);
            }
        } else {
            assertThat(written).as(at).isEqualTo(original);
        }
    }

    /** Date-times as instants ("2023-02-10T00:00:00.000Z" and "2023-02-10T00:00:00Z" are one). */
    private static JsonNode normalized(JsonNode node) {
        if (node.isTextual()) {
            try {
                return new TextNode(
                        OffsetDateTime.parse(node.asText()).toInstant().toString());
            } catch (DateTimeParseException notADateTime) {
                return node;
            }
        }
        if (node instanceof ObjectNode o) {
            ObjectNode copy = o.objectNode();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                copy.set(e.getKey(), normalized(e.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = a.arrayNode();
            a.forEach(n -> copy.add(normalized(n)));
            return copy;
        }
        return node;
    }
}
