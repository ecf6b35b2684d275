package dev.chikuden.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.scenario.Headline;
import dev.chikuden.scenario.LocalSweep;
import dev.chikuden.scenario.ScenarioRow;
import dev.chikuden.scenario.ScenarioRunner;
import dev.chikuden.scenario.SweepParquet;
import dev.chikuden.scenario.SweepSchema;
import dev.chikuden.scenario.sweep.Scenario;
import dev.chikuden.scenario.sweep.ScenarioKind;
import dev.chikuden.scenario.sweep.Sweep;
import dev.chikuden.scenario.sweep.SweepReader;
import dev.chikuden.site.SiteConfigReader;
import dev.chikuden.site.SiteOverride;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSweepMainTest {
    static final String EXAMPLE = "../examples/sakai-sweep.yaml";
    /** The example's day cut to an hour, so its 24 scenarios run in seconds. */
    static final String SHORTER = "study.duration=1 h";

    @TempDir
    Path tmp;

    @Test
    void theExampleSweepGivesTheSameRowsOnSparkAsLocallyAndEachRowIsThePlanOfItsSite() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path sparkOut = tmp.resolve("spark");
        int code = SparkSweep.main(
                new String[] {EXAMPLE, "--out", sparkOut.toString(), "--set", SHORTER, "--master", "local[2]"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("24 scenarios, 0 skipped, 24 ran (0 failed)", "on 2 partitions");
        assertThat(sparkOut.resolve("summary.csv")).isNotEmptyFile();
        assertThat(sparkOut.resolve("summary.html")).isNotEmptyFile();

        Sweep sweep = SweepReader.read(Path.of(EXAMPLE), List.of(SiteOverride.parse(SHORTER)));
        LocalSweep.run(sweep, tmp.resolve("local"), 2, null);
        SweepSchema schema = new SweepSchema(sweep);
        List<ScenarioRow> bySpark = SweepParquet.read(LocalSweep.rowsDir(sparkOut), schema);
        assertThat(bySpark).hasSize(24).isEqualTo(SweepParquet.read(LocalSweep.rowsDir(tmp.resolve("local")), schema));

        // the last scenario as a site file of its own, run as plan runs it (the campus names no other file,
        // so the site file need not lie beside the base one)
        Scenario last = sweep.scenarios().get(23);
        Path site = Files.writeString(tmp.resolve("scenario.yaml"), sweep.siteYaml(last));
        double[] plan = Headline.of(ScenarioKind.PLAN, ScenarioRunner.plan(SiteConfigReader.read(site)));
        assertThat(bySpark.get(23).figures()).isEqualTo(plan);
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhatIsAllowed() {
        StringWriter err = new StringWriter();
        int code = SparkSweep.main(
                new String[] {EXAMPLE, "--out", tmp.toString(), "--partitions", "none"},
                new PrintWriter(StringWriter.nullWriter()),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--partitions none: give a whole number, 1 or more");
    }

    @Test
    void aMasterSparkDoesNotTakeIsBadInputNotATrace() {
        StringWriter err = new StringWriter();
        int code = SparkSweep.main(
                new String[] {EXAMPLE, "--out", tmp.toString(), "--master", "bogus"},
                new PrintWriter(StringWriter.nullWriter()),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("--master bogus is not a Spark master")
                .doesNotContain("Exception");
    }

    @Test
    void anOptionWithoutValueOrASecondFileIsNamed() {
        assertThat(SparkSweepArgs.parse(EXAMPLE, "--out", "o", "--set", "a=1", "--set", "b=2", "--partitions", "8"))
                .isEqualTo(new SparkSweepArgs(EXAMPLE, "o", List.of("a=1", "b=2"), 8, null, null));
        assertThatThrownBy(() -> SparkSweepArgs.parse(EXAMPLE, "--out")).hasMessageStartingWith("--out: has no value");
        assertThatThrownBy(() -> SparkSweepArgs.parse(EXAMPLE, "b.yaml", "--out", "o"))
                .hasMessageStartingWith("b.yaml: one sweep file only");
        assertThatThrownBy(() -> SparkSweepArgs.parse(EXAMPLE)).hasMessageStartingWith("--out is missing");
    }
}
