package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.chikuden.config.ConfigException;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The site-file inputs that hung the reader or went through as garbage (issue "Hardening"): each
 * is now a problem naming its field, within a bounded time, without echoing a huge value.
 */
class InputBoundsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of(
                        "iterationPeriod: 2.4 s", "iterationPeriod: 1e-9 s", "loads[0].training[0].iterationPeriod"),
                Arguments.of("energy: 200 MWh", "energy: 1e308 MWh", "batteries[0].energy"),
                Arguments.of("energy: 200 MWh", "energy: 9223372036854775808 MWh", "batteries[0].energy"),
                Arguments.of("hostPower: 500 W", "hostPower: 1e308 W", "loads[0].training[0].hostPower"),
                Arguments.of("fixed: 1.5 MW", "fixed: 2.1e9 MW", "loads[0].facility.fixed"),
                Arguments.of("[35 °C, 1.38]", "[9.2e18 °C, 1.38]", "loads[0].facility.pue[3][0]"),
                Arguments.of("start: 2025-08-04", "start: \"+999999999-12-31T23:59:59Z\"", "study.start"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("garbage")
    void garbageIsAProblemAtItsField(String from, String to, String field) throws IOException {
        String example = Files.readString(Repository.examples().resolve("sakai-ai-campus.yaml"));
        assertThat(example).contains(from);
        Path f =
                Files.writeString(dir.resolve("t.yaml"), example.replaceFirst(java.util.regex.Pattern.quote(from), to));
        ConfigException e = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> catchThrowableOfType(ConfigException.class, () -> SiteConfigReader.read(f)));
        assertThat(e).as("accepted: " + to).isNotNull();
        assertThat(e.problems())
                .as(e.getMessage())
                .anySatisfy(p -> assertThat(p.path()).isEqualTo(field));
    }

    static Stream<Arguments> implausible() {
        return Stream.of(
                Arguments.of("fixed: 1.5 MW", "fixed: 15 GW", "loads[0].facility.fixed", 1.5e7),
                Arguments.of("[35 °C, 1.38]", "[95 °C, 1.38]", "loads[0].facility.pue[3][0]", 95.0),
                Arguments.of("energy: 200 MWh", "energy: 200 GWh", "batteries[0].energy", 2e8));
    }

    /** Possible but suspect: read as given, with a warning at the field naming the usual range. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("implausible")
    void anImplausibleValueIsReadWithAWarning(String from, String to, String field, double value) throws IOException {
        String example = Files.readString(Repository.examples().resolve("sakai-ai-campus.yaml"));
        Path f =
                Files.writeString(dir.resolve("t.yaml"), example.replaceFirst(java.util.regex.Pattern.quote(from), to));
        var site = SiteConfigReader.read(f);
        assertThat(site.warnings()).anySatisfy(w -> {
            assertThat(w.path()).isEqualTo(field);
            assertThat(w.line()).isEqualTo(lineOf(example, from));
            assertThat(w.message()).contains("outside the usual", "used as given");
        });
        if (field.startsWith("batteries")) {
            assertThat(site.batteries().get(0).energyKwh()).isEqualTo(value);
        }
        assertThat(SiteConfigReader.read(Repository.examples().resolve("sakai-ai-campus.yaml"))
                        .warnings())
                .noneSatisfy(w -> assertThat(w.message()).contains("outside the usual"));
    }

    private static int lineOf(String text, String fragment) {
        return (int) text.substring(0, text.indexOf(fragment))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }

    @Test
    void aHugeValueIsRefusedBeforeParsingWithoutEchoingIt() throws IOException {
        String value = "x".repeat(1_000_000);
        Path f = Files.writeString(dir.resolve("long.yaml"), "name: " + value + "\nloads: []\n");
        ConfigException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> catchThrowableOfType(ConfigException.class, () -> SiteConfigReader.read(f)));
        assertThat(e.getMessage())
                .contains("long.yaml:1", "the line is longer than 65536 characters")
                .doesNotContain("xxxxxxxxxx");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeParsing() throws IOException {
        Path f = dir.resolve("big.yaml");
        String line = "# " + "y".repeat(1000) + "\n";
        Files.writeString(f, line.repeat(11 * 1024));
        ConfigException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> catchThrowableOfType(ConfigException.class, () -> SiteConfigReader.read(f)));
        assertThat(e.getMessage()).contains("big.yaml", "more than a configuration file may have (10485760");
    }

    @Test
    void aListOrADeepNestIsAProblemNotACrash() throws IOException {
        Path list = Files.writeString(dir.resolve("list.yaml"), "- 1\n- 2\n");
        assertThat(catchThrowableOfType(ConfigException.class, () -> SiteConfigReader.read(list))
                        .getMessage())
                .contains("list.yaml:1:1: the file holds a list; expected a mapping of keys");
        Path deep = Files.writeString(dir.resolve("deep.yaml"), "name: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
        assertThat(catchThrowableOfType(ConfigException.class, () -> SiteConfigReader.read(deep))
                        .getMessage())
                .contains("deep.yaml", "is nested or sized beyond what a configuration file may be");
    }

    @Test
    void invalidUtf8NamesItsByteOffset() throws IOException {
        Path f = dir.resolve("bytes.yaml");
        byte[] head = "name: Caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xe9; // Latin-1 é
        bytes[head.length + 1] = '\n';
        Files.write(f, bytes);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SiteConfigReader.read(f));
        assertThat(e.getMessage()).contains("byte 9 is not valid UTF-8");
    }
}
