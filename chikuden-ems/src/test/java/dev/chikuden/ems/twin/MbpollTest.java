package dev.chikuden.ems.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.chikuden.ems.TestSites;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.config.EmsConfigReader;
import dev.chikuden.ems.modbus.RegisterMap;
import dev.chikuden.site.SiteConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's mbpoll, a real Modbus client, reads and commands the twin with the README's commands. */
class MbpollTest {
    private static final Path MBPOLL = Path.of("/usr/bin/mbpoll");
    private static final Pattern VALUE = Pattern.compile("\\[(\\d+)\\]:\\s+(-?\\d+)(?: \\((-?\\d+)\\))?");

    @TempDir
    Path dir;

    @Test
    void mbpollReadsTheSocAndItsSetpointIsApplied() throws Exception {
        assumeThat(Files.isExecutable(MBPOLL))
                .as("mbpoll is not installed (apt-get install mbpoll); skipping the "
                        + "test with a real Modbus client")
                .isTrue();
        SiteConfig site = TestSites.read(dir, TestSites.SMALL);
        int port = TestSites.freePort();
        TestSites.ManualClock clock = new TestSites.ManualClock();
        try (DeviceSimulator sim = new DeviceSimulator(
                site,
                EmsConfigReader.read(site).devices(),
                RegisterMap.load(EmsConfig.SUNSPEC),
                DeviceSimulator.Options.manual(100, clock))) {
            sim.start("127.0.0.1", port);
            String p = Integer.toString(port);

            // SoC of unit 1 at 40202, scaled by SoC_SF at 40247 (-2: hundredths of a percent)
            assertThat(read(p, "1", "40202")).isEqualTo(5000);
            assertThat(read(p, "1", "40247")).isEqualTo(-2);

            // WSetEna = 1 and WSetMod = 2 (watts) at 40142, then WSet at 40144 as a big-endian int32 (WSet_SF = 0)
            mbpoll(p, "-a", "1", "-0", "-r", "40142", "-1", "127.0.0.1", "1", "2");
            mbpoll(p, "-a", "1", "-0", "-r", "40144", "-t", "4:int", "-B", "-1", "127.0.0.1", "--", "-150000");
            clock.advance(2_000);
            sim.catchUp();

            DeviceSimulator.BatteryState b = sim.snapshot().batteries().get(0);
            assertThat(b.commandKw()).isEqualTo(-150.0);
            assertThat(b.powerKw()).isEqualTo(-150.0);
            // W at 40265 scaled by W_SF at 40371, as mbpoll reads them
            assertThat(read(p, "1", "40265") * Math.pow(10, read(p, "1", "40371")))
                    .isEqualTo(-150_000.0);
            assertThat(read(p, "1", "40202")).isEqualTo(Math.round(b.soc() * 10_000));
        }
    }

    /** One holding register, as mbpoll prints it (the signed value when it gives one). */
    private static long read(String port, String unit, String address) throws Exception {
        String out = mbpoll(port, "-a", unit, "-0", "-r", address, "-c", "1", "-1", "127.0.0.1");
        Matcher m = VALUE.matcher(out);
        assertThat(m.find()).as("a value in mbpoll's output:%n%s", out).isTrue();
        return Long.parseLong(m.group(3) != null ? m.group(3) : m.group(2));
    }

    private static String mbpoll(String port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MBPOLL.toString(), "-m", "tcp", "-p", port, "-o", "5"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("mbpoll %s%n%s", String.join(" ", args), out)
                .isZero();
        return out;
    }
}
