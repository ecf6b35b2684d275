package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import dev.chikuden.load.trace.NodeScaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceSectionTest {
    /** A site with one CSV load; {@code %s} takes more keys of the load, each on its own line. */
    private static final String SITE = """
            name: Trace site
            grid: {contract: 1 MW}
            loads:
              - type: csv
                file: load.csv
            %s
            study: {start: 2025-01-06, duration: 1 h, step: 1 min}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1} kW per unit")
    @CsvSource(
            delimiter = '|',
            value = {
                "power_kw | 1",
                "power_mw | 1000",
                "power_w | 0.001",
                "power [kW] | 1",
                "Power (MW) | 1000",
                "kw | 1",
                "MW | 1000",
                "loadKw | 1"
            })
    void takesTheUnitFromTheHeader(String header, double kwPerUnit) throws IOException {
        csv(header);
        assertThat(load("").trace().valueAt(0)).isEqualTo(kwPerUnit);
    }

    @Test
    void theUnitKeyMayConfirmTheHeaderOrStandForIt() throws IOException {
        csv("power_mw");
        TraceSpec confirmed = load("    unit: MW\n    scale: 2");
        assertThat(confirmed.trace().valueAt(0) * confirmed.scale()).isEqualTo(2000);
        csv("power");
        assertThat(load("    unit: W").trace().valueAt(0)).isEqualTo(0.001);
        csv("power [mW]");
        assertThat(load("    unit: MW").trace().valueAt(0))
                .as("the key settles an unclear header")
                .isEqualTo(1000);
    }

    @Test
    void aNamedColumnGivesTheUnit() throws IOException {
        Files.writeString(
                dir.resolve("load.csv"), "timestamp,site_mw,it_kw\n2025-01-06T00:00,1,2\n2025-01-06T00:01,1,2\n");
        TraceSpec t = load("    column: it_kw");
        assertThat(t.trace().valueAt(0)).isEqualTo(2);
        assertThat(t.trace().input().column()).isEqualTo("it_kw");
        assertThat(t.trace().input().unit()).isEqualTo("kW");
    }

    @Test
    void aUnitKeyThatDisagreesWithTheHeaderIsAProblem() throws IOException {
        csv("power_mw");
        assertThat(problems("    unit: kW"))
                .containsExactly("t.yaml:6:11: loads[0].unit: " + dir.resolve("load.csv")
                        + ":1: unit kW contradicts column \"power_mw\", which names MW; leave the unit out to read "
                        + "the header's, or correct it");
    }

    @Test
    void noUnitAnywhereIsAProblem() throws IOException {
        csv("power");
        assertThat(problems(""))
                .singleElement()
                .asString()
                .startsWith("t.yaml:5:11: loads[0].unit: " + dir.resolve("load.csv")
                        + ":1: column \"power\" names no unit; give the unit");
        csv("power [mW]");
        assertThat(problems("")).singleElement().asString().contains("column \"power [mW]\" names mW (milliwatts)");
    }

    @Test
    void aMissingColumnIsReportedWhenTheSiteIsRead() throws IOException {
        csv("power_kw");
        assertThat(problems("    column: site"))
                .containsExactly("t.yaml:6:13: loads[0].column: " + dir.resolve("load.csv")
                        + ":1: no column \"site\"; the header has [timestamp, power_kw]");
    }

    @Test
    void readsAnNvidiaSmiLoadWithItsNodes() throws IOException {
        Files.writeString(
                dir.resolve("load.csv"),
                "timestamp, index, power.draw [W]\n2025/01/06 00:00:00.000, 0, 100 W\n2025/01/06 00:00:00.010, 1, 50 W\n"
                        + "2025/01/06 00:00:00.100, 0, 100 W\n2025/01/06 00:00:00.110, 1, 50 W\n");
        TraceSpec t = load("    nodes: 10000\n    desynchronise: 2 s\n    seed: 42");
        assertThat(t.trace().input().format()).isEqualTo("nvidia-smi");
        assertThat(t.trace().valueAt(0)).isCloseTo(0.15, org.assertj.core.api.Assertions.offset(1e-15));
        assertThat(t.nodes()).isEqualTo(new NodeScaling(10_000, 2000, 42));
        csv("power_kw");
        TraceSpec plain = load("");
        assertThat(plain.trace().input().format()).isEqualTo("power");
        assertThat(plain.nodes()).isEqualTo(NodeScaling.ONE);
    }

    @Test
    void interpolationHasMovedToResample() throws IOException {
        csv("power_kw");
        assertThat(problems("    interpolation: linear"))
                .containsExactly("t.yaml:6:20: loads[0].interpolation: has moved to resample: mean (a step's "
                        + "time-weighted mean of the samples held between them; what hold did), linear or hold; "
                        + "write resample: linear");
    }

    @Test
    void badNodeKeysAreProblems() throws IOException {
        csv("power_kw");
        assertThat(problems("    nodes: 2.5\n    desynchronise: 2 kW\n    format: json"))
                .containsExactly(
                        "t.yaml:6:12: loads[0].nodes: \"2.5\" is not a whole number of nodes",
                        "t.yaml:7:20: loads[0].desynchronise: \"2 kW\" has unit \"kW\"; expected a duration with a unit "
                                + "(ms, s, min, h, d, week, year = 365 d), e.g. \"4 h\"",
                        "t.yaml:8:13: loads[0].format: \"json\" is not one of power, energy, nvidia-smi");
        assertThat(problems("    nodes: 0"))
                .containsExactly("t.yaml:6:12: loads[0].nodes: \"0\" is not a number in " + "[1, 1000000000]");
    }

    @Test
    void pvTracesTakeTheUnitFromTheHeaderButNoNodes() throws IOException {
        csv("pv_mw");
        String site = """
                name: PV site
                grid: {contract: 1 MW}
                loads: [{type: profile, base: 1 MW}]
                pv: {type: csv, file: load.csv}
                study: {start: 2025-01-06, duration: 1 h, step: 1 min}
                """;
        Files.writeString(dir.resolve("t.yaml"), site);
        assertThat(((TraceSpec) SiteConfigReader.read(dir.resolve("t.yaml")).pv())
                        .trace()
                        .valueAt(0))
                .isEqualTo(1000);
        Files.writeString(dir.resolve("t.yaml"), site.replace("file: load.csv", "file: load.csv, nodes: 2"));
        assertThatThrownBy(() -> SiteConfigReader.read(dir.resolve("t.yaml")))
                .hasMessageContaining("pv.nodes: unknown key \"nodes\"");
    }

    private void csv(String header) throws IOException {
        Files.writeString(
                dir.resolve("load.csv"), "timestamp," + header + "\n2025-01-06T00:00,1\n2025-01-06T00:01,1\n");
    }

    private TraceSpec load(String keys) throws IOException {
        return (TraceSpec) SiteConfigReader.read(write(keys)).loads().get(0);
    }

    private java.util.List<String> problems(String keys) throws IOException {
        try {
            SiteConfigReader.read(write(keys));
        } catch (ConfigException e) {
            return e.problems().stream()
                    .map(p -> "t.yaml:" + p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message())
                    .toList();
        }
        throw new AssertionError("expected problems, the site was accepted with " + keys);
    }

    private Path write(String keys) throws IOException {
        return Files.writeString(dir.resolve("t.yaml"), SITE.formatted(keys));
    }
}
