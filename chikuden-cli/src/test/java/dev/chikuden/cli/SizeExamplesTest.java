package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code size --json} on every bundled example with a sizing section (sakai-sizing: 10 x 10 sizes
 * over a year at 1-minute steps, about a minute on two cores): every size played through the battery
 * model, the best by delivered NPV, and the bill without battery {@code optimize} prints.
 */
class SizeExamplesTest {
    static Stream<Path> examplesWithASizingSection() throws IOException {
        return ExamplesCommandTest.repoExamples().stream().filter(p -> {
            try {
                return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("sizing:"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("examplesWithASizingSection")
    void everySizeIsSimulatedAndTheBestIsTheBestDelivered(Path example) throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run("size", example.toString(), "--json", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        int sizes = j.get("powerKw").size() * j.get("energyKwh").size();
        assertThat(j.get("candidates")).hasSize(sizes);
        assertThat(j.get("simulated").asInt()).isEqualTo(Math.min(sizes, 100));
        double best = Double.NEGATIVE_INFINITY;
        for (JsonNode c : j.get("candidates")) {
            if (c.get("feasible").asBoolean()) {
                assertThat(c.get("deliveredNpvYen").isNumber()).isTrue();
                assertThat(c.get("lpNpvYen").isNumber()).isTrue();
                best = Math.max(best, c.get("deliveredNpvYen").asDouble());
            }
        }
        assertThat(j.get("best").get("deliveredNpvYen").asDouble()).isEqualTo(best);
        PlanCommandTest.Run o = PlanCommandTest.run("optimize", example.toString(), "--json", "--no-check", "--quiet");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(j.get("withoutBattery").get("billYen").asLong())
                .isEqualTo(new ObjectMapper()
                        .readTree(o.out())
                        .get("withoutBattery")
                        .get("billYen")
                        .asLong());
    }
}
