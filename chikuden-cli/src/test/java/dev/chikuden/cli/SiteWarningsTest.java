package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.cli.PlanCommandTest.Run;
import dev.chikuden.fixtures.TwoPriceSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A battery value read as given but hardly ever true reaches the user of plan, optimize and size: stderr and JSON. */
class SiteWarningsTest {
    @TempDir
    Path dir;

    private Path site(String yaml) throws IOException {
        assertThat(yaml).contains("roundTripEfficiency: 100 %");
        return Files.writeString(
                dir.resolve("site.yaml"), yaml.replace("roundTripEfficiency: 100 %", "roundTripEfficiency: 9 %"));
    }

    private static void assertWarned(Run r, Path site, String at) throws IOException {
        assertThat(r.exit()).as(r.err()).isZero();
        String warning = site + ":" + at + ": batteries[0].roundTripEfficiency: \"9 %\" is outside the usual 70-98 % "
                + "of a battery's round-trip efficiency; used as given, check it";
        assertThat(r.err()).contains("chikuden: warning: " + warning + "\n");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("configWarnings")).extracting(JsonNode::asText).containsExactly(warning);
    }

    @Test
    void planSaysIt() throws IOException {
        Path site = site(OptimizeCommandTest.SITE);
        assertWarned(run("plan", site.toString(), "--no-files", "--json", "--quiet"), site, "5:67");
    }

    @Test
    void optimizeSaysIt() throws IOException {
        Path site = site(OptimizeCommandTest.SITE);
        assertWarned(run("optimize", site.toString(), "--no-check", "--json"), site, "5:67");
    }

    @Test
    void sizeSaysIt() throws IOException {
        Path site = site(TwoPriceSite.WEEK);
        assertWarned(run("size", site.toString(), "--json", "--quiet"), site, "12:26");
    }
}
