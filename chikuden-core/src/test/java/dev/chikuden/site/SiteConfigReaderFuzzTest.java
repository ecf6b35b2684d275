package dev.chikuden.site;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chikuden.config.ConfigException;
import dev.chikuden.fixtures.FuzzOutcome;
import java.util.Set;

/**
 * Any bytes as a site file: a validated site without an infinite number, or a {@link ConfigException}
 * listing the problems. The corpus in {@code SiteConfigReaderFuzzTestInputs/read} holds the
 * malformed files of issue 18 that the reader already refuses, and runs in every build.
 */
class SiteConfigReaderFuzzTest {
    /** The fields where the reader writes infinity for a limit the file leaves out ("no limit"). */
    private static final Set<String> UNBOUNDED = Set.of(
            "checkpointEveryS",
            "stopS",
            "rampWPerS",
            "maxChargeCRate",
            "maxDischargeCRate",
            "maxRechargeKw",
            "maxKw",
            "converterRampKwPerS",
            "pcsRampKwPerS",
            "importLimitKw",
            "exportLimitKw");

    @FuzzTest(maxDuration = "5m")
    void read(byte[] input) {
        FuzzOutcome.resultOr(
                ConfigException.class, UNBOUNDED, () -> SiteConfigReader.read(FuzzOutcome.file("site.yaml", input)));
    }
}
