package dev.chikuden.ems;

import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Small sites for the device tests, and the bits a loopback test needs. */
public final class TestSites {
    /**
     * A 1 MW plant with 300 kW of PV at Sakai and two plain batteries: 1-s study steps over a day from
     * midday, so the PV is up.
     */
    /**
     * A converter that follows its setpoint at once and a meter without delay: these sites test
     * drivers, registers and states, not the control chain's physics (TwinChainTest does that).
     */
    public static final String INSTANT =
            "control: {meterDelay: 0 ms, commandDelay: 0 ms, converter: {timeConstant: 0 s}}\n";

    public static final String SMALL = """
            name: Twin test site
            location: {latitude: 34.57, longitude: 135.47}
            grid: {contract: 1.5 MW, frequency: 60}
            loads:
              - {name: plant, type: profile, base: 1 MW}
            pv: {type: clear-sky, peak: 300 kW}
            batteries:
              - name: bess-1
                energy: 1 MWh
                power: 400 kW
                chargeEfficiency: 95 %
                dischargeEfficiency: 95 %
                soc: {min: 10 %, max: 90 %, initial: 50 %}
              - name: bess-2
                energy: 500 kWh
                power: 250 kW
                chargeEfficiency: 95 %
                dischargeEfficiency: 95 %
                soc: {min: 10 %, max: 90 %, initial: 90 %}
            study: {start: 2025-08-04T12:00, duration: 1 d, step: 1 s}
            strategy: {type: idle}
            """ + INSTANT;

    private TestSites() {}

    public static SiteConfig read(Path dir, String yaml) {
        try {
            Path file = dir.resolve("site.yaml");
            Files.writeString(file, yaml);
            return SiteConfigReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock a test moves by hand. */
    public static final class ManualClock implements LongSupplier {
        private final AtomicLong ms = new AtomicLong();

        @Override
        public long getAsLong() {
            return ms.get();
        }

        public void advance(long byMs) {
            ms.addAndGet(byMs);
        }
    }
}
