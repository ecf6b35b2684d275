package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.cli.PlanCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RainflowCommandTest {
    /** ASTM E1049-85 figure 6 in the second column, an unrelated column after it. */
    static final String ASTM_CSV = """
            # ASTM E1049-85, figure 6
            time_s,stress,other
            0,-2,9
            1,1,9
            2,-3,9
            3,5,9
            4,-1,9
            5,3,9
            6,-4,9
            7,4,9
            8,-2,9
            """;

    @TempDir
    Path dir;

    @Test
    void theAstmExampleAsJson() throws IOException {
        Run r = run("rainflow", write(ASTM_CSV).toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip())
                .isEqualTo(
                        "{\"cycles\":["
                                + "{\"range\":3.0,\"mean\":-0.5,\"count\":0.5},{\"range\":4.0,\"mean\":-1.0,\"count\":0.5},"
                                + "{\"range\":4.0,\"mean\":1.0,\"count\":1.0},{\"range\":6.0,\"mean\":1.0,\"count\":0.5},"
                                + "{\"range\":8.0,\"mean\":0.0,\"count\":0.5},{\"range\":8.0,\"mean\":1.0,\"count\":0.5},"
                                + "{\"range\":9.0,\"mean\":0.5,\"count\":0.5}],\"totalCycles\":4.0,\"samples\":9,\"reversals\":9}");
    }

    @Test
    void theTableHasOneRowPerRangeAndMeanAndATotal() throws IOException {
        Run r = run("rainflow", write(ASTM_CSV).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(9).first().asString().contains("range", "mean", "count");
        assertThat(r.out())
                .contains("             3.0             -0.5      0.5\n")
                .endsWith("4.0 cycles from 9 samples (9 reversals)\n");
    }

    @Test
    void columnPicksTheSeries() throws IOException {
        Run r = run("rainflow", write(ASTM_CSV).toString(), "--column", "other", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("{\"cycles\":[],\"totalCycles\":0.0,\"samples\":9,\"reversals\":1}");
    }

    @Test
    void aBadValueExitsWithTwoNamingFileLineColumnAndValue() throws IOException {
        Path f = write(ASTM_CSV.replace("5,3,9", "5,3.O,9"));
        Run r = run("rainflow", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("chikuden: " + f + ":8: \"stress\" value \"3.O\" is not a number\n")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownColumnAndAMissingFileAreBadInput() throws IOException {
        Run unknown = run("rainflow", write(ASTM_CSV).toString(), "--column", "soc");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains(":2: no column \"soc\"; the header has [time_s, stress, other]");
        Run missing = run("rainflow", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv: no such file");
    }

    @Test
    void helpExplainsTheMethodAndTheOptions() {
        Run r = run("rainflow", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("FILE.csv", "--column", "--json", "ASTM E1049-85", "residue");
        assertThat(run("--help").out()).contains("rainflow");
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("series.csv");
        Files.writeString(f, text);
        return f;
    }
}
