package dev.chikuden.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.Repository;
import dev.chikuden.units.Dimension;
import dev.chikuden.units.Quantities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schemas in the jar are the repository's, and their quantities are the ones the unit parser reads. */
class SchemaFilesTest {
    @Test
    void theJarCarriesTheRepositorysSchemasByteForByte() throws IOException {
        try (Stream<Path> s = Files.list(Repository.root().resolve("schemas"))) {
            List<Path> files = s.sorted().toList();
            assertThat(files.stream().map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ConfigSchema.FILES);
            for (Path p : files) {
                try (InputStream in =
                        getClass().getClassLoader().getResourceAsStream(ConfigSchema.RESOURCES + p.getFileName())) {
                    assertThat(in).as(p.toString()).isNotNull();
                    assertThat(in.readAllBytes()).as(p.toString()).isEqualTo(Files.readAllBytes(p));
                }
            }
        }
    }

    /** Each quantity's subschema is named after its dimension, titled as it describes itself, and takes its units. */
    @Test
    void everyQuantityTakesExactlyTheUnitsTheParserReads() {
        JsonNode defs = ConfigSchema.document("quantities.schema.json").get("$defs");
        for (Dimension d : Dimension.values()) {
            String name = camel(d);
            assertThat(SchemaMessages.dimension(name)).isEqualTo(d);
            JsonNode def = defs.get(name);
            assertThat(def).as(name).isNotNull();
            assertThat(def.get("title").asText()).isEqualTo(d.describe());
            Pattern pattern = Pattern.compile(def.get("pattern").asText());
            for (String example : List.of("1", "1.5", "-2", "1,500", "1_000", ".5", "2e3")) {
                for (String unit : units(d)) {
                    String text = example + " " + unit;
                    assertThat(pattern.matcher(text).find())
                            .as(text + " as " + name)
                            .isTrue();
                    Quantities.parse(text, d);
                }
            }
            assertThat(pattern.matcher("1 parsec").find()).as(name).isFalse();
        }
    }

    private static String camel(Dimension d) {
        StringBuilder sb = new StringBuilder();
        for (String word : d.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            sb.append(sb.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return sb.toString();
    }

    private static List<String> units(Dimension d) {
        return switch (d) {
            case POWER -> List.of("W", "kW", "MW", "GW");
            case ENERGY -> List.of("Wh", "kWh", "MWh", "GWh");
            case DURATION ->
                List.of(
                        "ms", "s", "sec", "min", "h", "hr", "d", "day", "days", "w", "week", "weeks", "year", "years",
                        "H", "Min");
            case POWER_RATE -> List.of("W/s", "kW/s", "MW/s", "MW/min");
            case NUMBER -> List.of("");
            case TEMPERATURE -> List.of("°C", "C", "K");
            case HEAT_CAPACITY -> List.of("J/K", "kJ/K", "MJ/K");
            case THERMAL_CONDUCTANCE -> List.of("W/K", "kW/K");
            case FREQUENCY -> List.of("mHz", "Hz", "kHz");
            case FRACTION -> List.of("%", "");
        };
    }

    /** Parses every schema as JSON. */
    @Test
    void everySchemaIsJson() throws IOException {
        for (String f : ConfigSchema.FILES) {
            assertThat(new ObjectMapper()
                            .readTree(Files.readString(
                                    Repository.root().resolve("schemas").resolve(f)))
                            .get("$schema")
                            .asText())
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        }
    }
}
