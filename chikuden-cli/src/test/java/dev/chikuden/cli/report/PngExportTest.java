package dev.chikuden.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chikuden.cli.Main;
import dev.chikuden.fixtures.HeadlessChromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PngExportTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void pngWritesEveryChartOfTheReportAsAnImage() throws IOException {
        assumeTrue(
                Files.isExecutable(HeadlessChromium.BROWSER),
                "headless Chromium is not installed: apt-get install chromium, as .ci/run does");
        Path site = SmallSiteReportTest.write(dir, SmallSiteReportTest.SITE);
        StringWriter err = new StringWriter();
        int exit = plan(err, site.toString(), "--out", dir.resolve("out").toString(), "--png");
        assertThat(exit).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("out").resolve("png"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly(
                            "duration-curve.png",
                            "monthly-bill.png",
                            "monthly-peaks.png",
                            "power.png",
                            "soh.png",
                            "worst-day.png"); // an industrial site: no grid-code charts
        }
        byte[] power = Files.readAllBytes(dir.resolve("out").resolve("png").resolve("power.png"));
        assertThat(Arrays.copyOf(power, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(power.length).isGreaterThan(20_000);
    }

    @Test
    void pngNeedsTheReportThatNoFilesLeavesOut() {
        StringWriter err = new StringWriter();
        assertThat(plan(err, "site.yaml", "--no-files", "--png")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("--png saves the report's charts, and --no-files writes no report");
    }

    @Test
    void withoutChromiumItSaysWhatToInstall() {
        assertThatThrownBy(() -> PngExport.withBrowserOn(dir.toString()))
                .hasMessageContaining("headless Chromium")
                .hasMessageContaining("apt-get install chromium");
    }

    private static int plan(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "plan";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    /** The browser tests see a report as the PNG export draws it: with the same flags. */
    @Test
    void theBrowserTestsRunChromiumAsTheExportDoes() {
        assertThat(HeadlessChromium.HEADLESS).isEqualTo(PngExport.HEADLESS);
    }
}
