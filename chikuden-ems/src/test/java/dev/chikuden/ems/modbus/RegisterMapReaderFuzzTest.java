package dev.chikuden.ems.modbus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chikuden.config.ConfigException;
import dev.chikuden.fixtures.FuzzOutcome;

/** Any bytes as a register map: a map without an infinite scale or value, or a {@link ConfigException}. */
class RegisterMapReaderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void read(byte[] input) {
        FuzzOutcome.resultOr(ConfigException.class, () -> RegisterMapReader.read(FuzzOutcome.file("map.yaml", input)));
    }
}
