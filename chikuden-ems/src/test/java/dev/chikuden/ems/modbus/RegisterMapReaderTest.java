package dev.chikuden.ems.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import dev.chikuden.ems.config.EmsConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterMapReaderTest {
    @TempDir
    Path dir;

    static Path vendorMap() {
        try {
            return Path.of(RegisterMapReaderTest.class
                    .getResource("/dev/chikuden/ems/vendor.yaml")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBuiltInMapPutsTheKeyPointsWhereItsTableSays() {
        RegisterMap map = RegisterMap.load(EmsConfig.SUNSPEC);
        DeviceMap bess = map.bess();
        assertThat(bess.point(Role.SOC).address()).isEqualTo(40202);
        assertThat(bess.point(Role.SETPOINT_ENABLE).address()).isEqualTo(40142);
        assertThat(bess.point(Role.SETPOINT).address()).isEqualTo(40144);
        assertThat(bess.point(Role.REVERT_TIMEOUT).address()).isEqualTo(40153);
        assertThat(bess.point(Role.POWER).address()).isEqualTo(40265);
        assertThat(bess.point(Role.SOC).scaleFactor().address()).isEqualTo(40247);
        assertThat(bess.point(Role.SETPOINT).scaleFactor().address()).isEqualTo(40179);
        DeviceMap meter = map.meter();
        assertThat(meter.point(Role.POWER).address()).isEqualTo(40088);
        assertThat(meter.point(Role.FREQUENCY).address()).isEqualTo(40086);
        assertThat(meter.point(Role.IMPORT_ENERGY).address()).isEqualTo(40116);
        assertThat(meter.point(Role.EXPORT_ENERGY).address()).isEqualTo(40108);
    }

    @Test
    void aSunSpecScannerWalksEveryModelToTheEndModel() {
        RegisterMap map = RegisterMap.load(EmsConfig.SUNSPEC);
        assertThat(walk(RegisterImage.of(map.bess()))).containsExactly(1, 702, 704, 802, 701, 0xFFFF);
        assertThat(walk(RegisterImage.of(map.meter()))).containsExactly(1, 203, 0xFFFF);
    }

    /** What a scanner does: "SunS" at 40000, then (id, length) headers until 0xFFFF with length 0. */
    private static List<Integer> walk(RegisterImage image) {
        assertThat((char) (image.word(40000) >> 8) + "" + (char) (image.word(40000) & 0xFF)
                        + (char) (image.word(40001) >> 8) + (char) (image.word(40001) & 0xFF))
                .isEqualTo("SunS");
        List<Integer> ids = new ArrayList<>();
        int address = 40002;
        while (true) {
            int id = image.word(address);
            int length = image.word(address + 1);
            ids.add(id);
            if (id == 0xFFFF) {
                assertThat(length).isZero();
                assertThat(address + 2).isEqualTo(image.end());
                return ids;
            }
            address += 2 + length;
        }
    }

    @Test
    void aVendorLayoutReadsFromItsFile() {
        RegisterMap map = RegisterMap.load(vendorMap().toString());
        assertThat(map.name()).isEqualTo("vendor");
        assertThat(map.bess().point(Role.SETPOINT).address()).isEqualTo(100);
        assertThat(map.bess().point(Role.STATE).states()).containsEntry(2L, BatteryUnitState.RUNNING);
        assertThat(map.meter().point(Role.POWER).type()).isEqualTo(PointType.FLOAT32);
    }

    @Test
    void aBadTypeIsReportedWithLineFieldValueAndWhatIsAllowed() throws IOException {
        Path file = write("""
                bess:
                  - name: status
                    start: 0
                    points:
                      - {name: ActivePower, offset: 0, type: int17, role: power, units: W}
                      - {name: Soc, offset: 2, type: uint16, units: "%", role: soc}
                      - {name: Set, offset: 3, type: int16, units: W, access: rw, role: setpoint}
                meter:
                  - {name: m, start: 0, points: [{name: W, offset: 0, type: int16, units: W, role: power}]}
                """);
        assertThatThrownBy(() -> RegisterMapReader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":5:46: bess[0].points[0].type: \"int17\" is not one of int16, uint16");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path file = write("""
                bess:
                  - name: status
                    start: 0
                    points:
                      - {name: P, offset: 0, type: int16, units: "%", role: power}
                      - {name: Soc, offset: 0, type: uint16, units: "%", role: soc}
                      - {name: Set, offset: 3, type: int32, units: W, role: setpoint}
                      - {name: Q, offset: 5, type: int16, scale: Q_SF, units: W}
                      - {name: F, offset: 6, type: uint16, role: importEnergy, units: kWh}
                      - {name: S, offset: 7, type: uint16, role: state, states: {1: ON}}
                meter:
                  - {name: m, start: 0, points: [{name: Hz, offset: 0, type: int16, units: Hz, role: frequency}]}
                """);
        assertThatThrownBy(() -> RegisterMapReader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        ":5:50: bess[0].points[0].units: \"%\" does not suit role power; allowed: W, kW, MW")
                .hasMessageContaining(":7:61: bess[0].points[2].role: a setpoint point is written by the driver: give "
                        + "it access: rw")
                .hasMessageContaining(":8:50: bess[0].points[3].scale: \"Q_SF\" is neither a power of ten")
                .hasMessageContaining(":9:50: bess[0].points[4].role: \"importEnergy\" is not a role of a bess")
                .hasMessageContaining(
                        ":10:69: bess[0].points[5].states.1: \"ON\" is not a state; allowed: OFF, STANDBY")
                .hasMessageContaining(":6:29: bess[0].points[1].offset: point Soc overlaps point P (registers 0 .. 0)")
                .hasMessageContaining(":12:3: meter: no point has role power");
    }

    /** A code written twice, even as 99 and 099, would let the later state win: a fault read as running. */
    @Test
    void aStateCodeIsGivenOnceInOneSpellingWithinARegister() throws IOException {
        for (String states :
                new String[] {"{99: FAULT, 099: RUNNING}", "{99: FAULT, 70000: RUNNING}", "{0x63: FAULT}"}) {
            Path file = write("""
                    bess:
                      - name: status
                        start: 0
                        points:
                          - {name: P, offset: 0, type: int16, units: W, role: power}
                          - {name: Soc, offset: 1, type: uint16, units: "%%", role: soc}
                          - {name: Set, offset: 2, type: int16, units: W, role: setpoint, access: rw}
                          - {name: S, offset: 3, type: uint16, role: state, states: %s}
                    meter:
                      - {name: m, start: 0, points: [{name: W, offset: 0, type: int16, units: W, role: power}]}
                    """.formatted(states));
            assertThatThrownBy(() -> RegisterMapReader.read(file))
                    .as(states)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("bess[0].points[3].states")
                    .hasMessageContaining("a state code 0 .. 65535");
        }
    }

    /** A constant is a plain number, as a written value is: 2e308 would be stored as Infinity. */
    @Test
    void aPointsValueIsAFiniteNumberOfAtMost1e12() throws IOException {
        String map = """
                bess:
                  - name: status
                    start: 0
                    points:
                      - {name: P, offset: 0, type: int16, units: W, role: power}
                      - {name: Soc, offset: 1, type: uint16, units: "%%", role: soc}
                      - {name: Set, offset: 2, type: int16, units: W, role: setpoint, access: rw}
                      - {name: A, offset: 3, type: float32, value: %s}
                meter:
                  - {name: m, start: 0, points: [{name: W, offset: 0, type: int16, units: W, role: power}]}
                """;
        Path largest = write(map.formatted("-1e12"));
        assertThat(RegisterMapReader.read(largest).bess().points().get(3).value())
                .isEqualTo(-1e12);
        Path overflow = write(map.formatted("2e308"));
        assertThatThrownBy(() -> RegisterMapReader.read(overflow))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(overflow + ":8:52: bess[0].points[3].value: \"2e308\" is not a finite number "
                        + "of at most 1e12 in size");
        Path tooLarge = write(map.formatted("1.5e12"));
        assertThatThrownBy(() -> RegisterMapReader.read(tooLarge))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":8:52: bess[0].points[3].value: \"1.5e12\" is not a finite number");
        Path text = write(map.formatted("\"5000\""));
        assertThatThrownBy(() -> RegisterMapReader.read(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":8:52: bess[0].points[3].value: is text; a float32 point's value is a number "
                        + "(text is for a string point)");
    }

    @Test
    void blocksMustNotOverlapAndModelsNeedALength() throws IOException {
        Path file = write("""
                bess:
                  - {name: a, start: 10, length: 5, points: [{name: P, offset: 0, type: int16, units: W, role: power},
                      {name: Soc, offset: 1, type: uint16, units: "%", role: soc},
                      {name: Set, offset: 2, type: int16, units: W, access: rw, role: setpoint}]}
                  - {name: b, start: 12, length: 2}
                  - {name: c, model: 1}
                meter:
                  - {name: m, start: 0, points: [{name: W, offset: 0, type: int16, units: W, role: power}]}
                """);
        assertThatThrownBy(() -> RegisterMapReader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":5:22: bess[1].start: block starts at 12, inside the block before it")
                .hasMessageContaining(":6:5: bess[2].length: is required for a SunSpec model");
    }

    @Test
    void aMissingFileSaysWhatRegisterMapTakes() {
        assertThatThrownBy(() -> RegisterMap.load(dir.resolve("nope.yaml").toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml: no such register map file; give \"sunspec\" for the built-in map");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("map.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
