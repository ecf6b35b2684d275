package dev.chikuden.cli;

import static dev.chikuden.cli.PlanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.cli.PlanCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study accepts no ems setting that the live service would refuse: one reader checks both. */
class PlanChecksEmsTest {
    @TempDir
    Path dir;

    @Test
    void planRefusesWhatServeRefuses() throws IOException {
        Path site = Files.writeString(dir.resolve("site.yaml"), """
                name: Hard
                grid: {contract: 5 MW}
                loads: [{type: profile, base: 2 MW}]
                study: {start: 2025-01-06, duration: 1 h, step: 1 min}
                ems: {silentCycles: 0, watchdog: 0 s, devices: {port: -1}}
                """);
        Run plan = run("plan", site.toString(), "--no-files");
        assertThat(plan.exit()).isEqualTo(2);
        assertThat(plan.err())
                .contains("ems.silentCycles: \"0\" is not a number in [1, 1000]")
                .contains("ems.watchdog:")
                .contains("ems.devices.port: \"-1\" is not a number in [0, 65535]");
        Run fine = run(
                "plan",
                Files.writeString(
                                site,
                                Files.readString(site)
                                        .replace(
                                                "ems: {silentCycles: 0, watchdog: 0 s, devices: {port: -1}}",
                                                "ems: {silentCycles: 2}"))
                        .toString(),
                "--no-files");
        assertThat(fine.exit()).as(fine.err()).isZero();
    }
}
