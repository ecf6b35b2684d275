package dev.chikuden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campus example ({@code examples/sakai-ai-campus.yaml}) run live by 100 battery units: its one
 * 50 MW / 200 MWh battery becomes 100 units of 500 kW / 2 MWh (the same preset and SOC window), so
 * its controller stack (reserve, load-drop absorber, demand limiter, grid-code smoothing) applies
 * unchanged to the same total. Its {@code control:} section gets a 100 ms supervisory period and the
 * fast layers hosted by the plant ({@code fast: {host: device}}), so the EMS runs its single cycle,
 * deciding and writing every unit, which is what this benchmark times (the fast loop in the EMS has
 * {@code FastLoopBenchmark}). The {@code ems:} section puts the devices on
 * one loopback port (battery i is unit id i + 1, the meter unit id 101), the API on a port the
 * system chooses and the state (DuckDB telemetry, audit log) beside the file.
 */
final class HundredUnitSite {
    static final int UNITS = 100;
    static final long CYCLE_MS = 100;

    private static final String CONTROL = "control:\n";

    private static final Pattern BATTERIES = Pattern.compile("(?m)^batteries:\\n(?:[ #].*\\n|\\n(?=[ ]))+");

    private HundredUnitSite() {}

    /** Writes the site to {@code dir/site.yaml}, its devices served on {@code devicePort}; returns the file. */
    static Path write(Path dir, int devicePort) {
        try {
            String campus = Files.readString(EngineBenchmark.example("sakai-ai-campus.yaml"));
            if (!campus.contains(CONTROL)) {
                throw new IllegalStateException("examples/sakai-ai-campus.yaml has no control: section to extend");
            }
            campus = campus.replace(
                    CONTROL, CONTROL + "  supervisory: {period: " + CYCLE_MS + " ms}\n  fast: {host: device}\n");
            Matcher m = BATTERIES.matcher(campus);
            if (!m.find()) {
                throw new IllegalStateException("examples/sakai-ai-campus.yaml has no batteries: block to replace");
            }
            StringBuilder units = new StringBuilder("batteries:\n");
            for (int i = 1; i <= UNITS; i++) {
                units.append(String.format(
                        "  - {name: bess-%03d, preset: lfp-container, energy: 2 MWh, power: 500 kW,"
                                + " soc: {min: 5 %%, max: 95 %%, initial: 60 %%}}\n",
                        i));
            }
            String ems = "\nems:\n"
                    + "  stateDir: state\n"
                    + "  devices: {host: 127.0.0.1, port: " + devicePort + "}\n"
                    + "  http: {port: 0}\n";
            Path file = dir.resolve("site.yaml");
            Files.writeString(file, campus.substring(0, m.start()) + units + campus.substring(m.end()) + ems);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
