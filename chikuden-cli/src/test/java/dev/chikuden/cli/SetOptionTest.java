package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set} changes the site file's fields for one run, on every command that reads a site. */
class SetOptionTest {
    private static final String CAMPUS =
            Repository.examples().resolve("sakai-ai-campus.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void planRunsTheOverriddenSite() throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run(
                "plan",
                CAMPUS,
                "--set",
                "study.duration=1 h",
                "--set",
                "study.start=2025-08-05T10:00",
                "--set",
                "batteries[0].energy=100 MWh",
                "--out",
                dir.toString(),
                "--json",
                "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("steps").asLong()).isEqualTo(3600); // 1 h at the example's 1 s step, not its 7 d
        assertThat(json.get("site").asText()).isEqualTo("Sakai AI campus");
    }

    @Test
    void aBadOverrideIsNamedAndExitsWith2() {
        PlanCommandTest.Run r = PlanCommandTest.run("plan", CAMPUS, "--set", "batteries[0].energy=200 MW");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        CAMPUS + ", --set batteries[0].energy=200 MW: batteries[0].energy: \"200 MW\" has unit \"MW\"");
        PlanCommandTest.Run syntax = PlanCommandTest.run("optimize", CAMPUS, "--set", "batteries[0]energy=1");
        assertThat(syntax.exit()).isEqualTo(2);
        assertThat(syntax.err()).contains("--set batteries[0]energy=1: \"batteries[0]energy\" is not a field path");
    }

    @Test
    void everyCommandReadingASiteOffersIt() {
        for (String command : new String[] {"plan", "optimize", "size", "bill"}) {
            PlanCommandTest.Run help = PlanCommandTest.run(command, "--help");
            assertThat(help.out()).as(command).contains("--set=PATH=VALUE");
        }
    }
}
