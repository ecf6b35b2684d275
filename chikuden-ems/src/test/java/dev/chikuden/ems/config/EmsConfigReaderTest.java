package dev.chikuden.ems.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.config.ConfigException;
import dev.chikuden.site.SiteConfig;
import dev.chikuden.site.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmsConfigReaderTest {
    private static final String SITE = """
            name: two units
            timeZone: Asia/Tokyo
            grid: {contract: 2 MW, voltage: high, frequency: 60}
            loads:
              - {name: plant, type: profile, base: 1 MW}
            batteries:
              - {name: west, energy: 2 MWh, power: 1 MW}
              - {name: east, energy: 2 MWh, power: 1 MW}
            study: {start: 2025-08-04, duration: 1 d, step: 1 s}
            strategy: {type: stack, controllers: [{type: manual}]}
            """;

    @TempDir
    Path dir;

    private SiteConfig site(String ems) throws IOException {
        Path f = dir.resolve("plant.yaml");
        Files.writeString(f, SITE + ems);
        return SiteConfigReader.read(f);
    }

    @Test
    void aSiteWithoutEmsSectionRunsOnDefaults() throws IOException {
        EmsConfig c = EmsConfigReader.read(site(""), Map.of());
        assertThat(c.cycleMs()).isEqualTo(1000);
        assertThat(c.silentCycles()).isEqualTo(1);
        assertThat(c.safeSetpointKw()).isZero();
        assertThat(c.watchdogMs()).isEqualTo(5000);
        assertThat(c.devices().batteries())
                .extracting(EmsConfig.Endpoint::name, EmsConfig.Endpoint::unitId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("west", 1), org.assertj.core.groups.Tuple.tuple("east", 2));
        assertThat(c.devices().meter().unitId()).isEqualTo(EmsConfigReader.METER_UNIT_ID);
        assertThat(c.devices().meter().port()).isEqualTo(1502);
        assertThat(c.devices().registerMap()).isEqualTo(EmsConfig.SUNSPEC);
        assertThat(c.http().bind()).isEqualTo("127.0.0.1");
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.http().token()).isNull();
        Path state = Path.of("chikuden-state", "plant").toAbsolutePath();
        assertThat(c.stateDir()).isEqualTo(state);
        assertThat(c.store().file()).isEqualTo(state.resolve("telemetry.duckdb"));
        assertThat(c.store().jdbcUrl()).isNull();
        assertThat(c.store().rawRetentionMs()).isEqualTo(7 * 86_400_000L);
        assertThat(c.auditLog()).isEqualTo(state.resolve("audit.jsonl"));
    }

    @Test
    void everyFieldCanBeSet() throws IOException {
        EmsConfig c =
                EmsConfigReader.read(site("""
                control: {supervisory: {period: 100 ms}}
                ems:
                  silentCycles: 3
                  safeSetpoint: -200 kW
                  watchdog: 2 s
                  stateDir: /var/lib/chikuden
                  devices:
                    host: 10.0.0.5
                    port: 502
                    timeout: 80 ms
                    retries: 2
                    meter: {unitId: 7, host: 10.0.0.9}
                    batteries: [{unitId: 11}, {unitId: 12, port: 5020}]
                  http: {bind: 0.0.0.0, port: 9090, tokenEnv: PLANT_TOKEN}
                  store: {jdbcUrl: "jdbc:postgresql://db:5432/ems", user: ems, passwordEnv: PLANT_PG, aggregate: 5 min,
                          retention: {raw: 2 d, aggregates: 30 d}}
                  audit: logs/audit.jsonl
                """), Map.of("PLANT_TOKEN", "0123456789abcdef0123", "PLANT_PG", "secret"));
        assertThat(c.cycleMs()).isEqualTo(100);
        assertThat(c.silentCycles()).isEqualTo(3);
        assertThat(c.safeSetpointKw()).isEqualTo(-200);
        assertThat(c.watchdogMs()).isEqualTo(2000);
        assertThat(c.devices().timeoutMs()).isEqualTo(80);
        assertThat(c.devices().retries()).isEqualTo(2);
        assertThat(c.devices().meter()).isEqualTo(new EmsConfig.Endpoint("meter", "10.0.0.9", 502, 7));
        assertThat(c.devices().batteries())
                .containsExactly(
                        new EmsConfig.Endpoint("west", "10.0.0.5", 502, 11),
                        new EmsConfig.Endpoint("east", "10.0.0.5", 5020, 12));
        assertThat(c.http().token()).isEqualTo("0123456789abcdef0123");
        assertThat(c.http().tokenOrigin()).contains("PLANT_TOKEN");
        assertThat(c.http().toString()).doesNotContain("0123456789abcdef0123");
        assertThat(c.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/ems");
        assertThat(c.store().password()).isEqualTo("secret");
        assertThat(c.store().toString()).doesNotContain("secret");
        assertThat(c.store().aggregateMs()).isEqualTo(300_000);
        assertThat(c.store().rawRetentionMs()).isEqualTo(2 * 86_400_000L);
        assertThat(c.auditLog()).isEqualTo(Path.of("/var/lib/chikuden/logs/audit.jsonl"));
    }

    @Test
    void theCommandLineMovesEveryDevice() throws IOException {
        EmsConfig c = EmsConfigReader.read(site(""), Map.of()).withDevicesAt("192.168.1.2", 1600);
        assertThat(c.devices().batteries()).allSatisfy(e -> assertThat(e.port()).isEqualTo(1600));
        assertThat(c.devices().meter().host()).isEqualTo("192.168.1.2");
    }

    @Test
    void badValuesAreNamedWithLineAndField() throws IOException {
        SiteConfig s = site("""
                ems:
                  cycle: 20 ms
                  devices:
                    batteries: [{unitId: 1}]
                    meter: {unitId: 300}
                  http: {token: short}
                  store: {jdbcUrl: "jdbc:mysql://x/y"}
                  cylce: 1 s
                """);
        assertThatThrownBy(() -> EmsConfigReader.read(s, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ems.cycle")
                .hasMessageContaining("moved to control.supervisory.period")
                .hasMessageContaining("period: 20 ms")
                .hasMessageContaining("ems.devices.batteries")
                .hasMessageContaining("2 batteries")
                .hasMessageContaining("ems.devices.meter.unitId")
                .hasMessageContaining("300")
                .hasMessageContaining("ems.http.token")
                .hasMessageContaining("16")
                .hasMessageContaining("ems.store.jdbcUrl")
                .hasMessageContaining("unknown key \"cylce\"")
                .hasMessageContaining("did you mean \"cycle\"")
                .hasMessageContaining(":14:"); // the line of cycle: 20 ms, after the site's 12 lines
    }

    @Test
    void aUnitIdSharedWithTheMeterIsRefused() throws IOException {
        SiteConfig s = site("""
                ems:
                  devices: {meter: {unitId: 2}}
                """);
        assertThatThrownBy(() -> EmsConfigReader.read(s, Map.of()))
                .hasMessageContaining("unit id 2 is also battery east");
    }

    @Test
    void allowedOriginsAreReadAndOnlyOriginsAreAllowed() throws IOException {
        EmsConfig c = EmsConfigReader.read(site("""
                ems:
                  http: {allowedOrigins: ["https://Ops.example:8443", "http://10.0.0.5"]}
                """), Map.of());
        assertThat(c.http().allowedOrigins()).containsExactly("https://ops.example:8443", "http://10.0.0.5");
        assertThat(EmsConfigReader.read(site(""), Map.of()).http().allowedOrigins())
                .isEmpty();
        SiteConfig withPath = site("""
                ems:
                  http: {allowedOrigins: ["https://ops.example/path"]}
                """);
        assertThatThrownBy(() -> EmsConfigReader.read(withPath, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("allowedOrigins");
    }

    @Test
    void theSafeSetpointMustBeWithinTheBatteriesRating() throws IOException {
        for (String beyond : new String[] {"60 MW", "1e308 kW", "-2.5 MW"}) {
            SiteConfig s = site("ems: {safeSetpoint: " + beyond + "}\n");
            assertThatThrownBy(() -> EmsConfigReader.read(s, Map.of()))
                    .as(beyond)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("ems.safeSetpoint")
                    .hasMessageContaining(
                            beyond.equals("1e308 kW")
                                    ? "is beyond any power" // no power is that large: the reader's bound comes first
                                    : "-2000 kW (charging) to 2000 kW (discharging)");
        }
        EmsConfig c = EmsConfigReader.read(site("ems: {safeSetpoint: 2 MW}\n"), Map.of());
        assertThat(c.safeSetpointKw()).isEqualTo(2000);
        assertThat(c.safeDischargeWithoutMeter()).isFalse();
        EmsConfig blind = EmsConfigReader.read(
                site("ems: {safeSetpoint: 500 kW, safeState: {dischargeWithoutMeter: true}}\n"), Map.of());
        assertThat(blind.safeDischargeWithoutMeter()).isTrue();
    }

    @Test
    void aFleetLinkIsReadWithItsTokenFromTheFileOrTheEnvironment() throws IOException {
        EmsConfig c = EmsConfigReader.read(
                site("ems: {fleet: {url: 'ws://fleet.example:8090/edge', site: sakai-1, token: abcdefghijklmnop,"
                        + " insecure: true}}\n"),
                Map.of());
        assertThat(c.fleet().url()).hasToString("ws://fleet.example:8090/edge");
        assertThat(c.fleet().site()).isEqualTo("sakai-1");
        assertThat(c.fleet().token()).isEqualTo("abcdefghijklmnop");
        assertThat(c.fleet().bufferRecords()).isEqualTo(86_400);
        assertThat(c.fleet().maxHoldMs()).isEqualTo(30_000);
        EmsConfig fromEnv = EmsConfigReader.read(
                site("ems: {fleet: {url: 'wss://fleet.example/edge', site: s2}}\n"),
                Map.of("CHIKUDEN_FLEET_TOKEN", " token-from-the-environment "));
        assertThat(fromEnv.fleet().token()).isEqualTo("token-from-the-environment");
        assertThat(EmsConfigReader.read(site(""), Map.of()).fleet()).isNull();
    }

    @Test
    void aBadFleetLinkIsNamedByItsField() {
        assertThatThrownBy(() -> EmsConfigReader.read(
                        site("ems: {fleet: {url: 'http://fleet.example/edge', site: s1, token: short}}\n"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ems.fleet.url")
                .hasMessageContaining("not a fleet URL")
                .hasMessageContaining("ems.fleet.token")
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> EmsConfigReader.read(site("ems: {fleet: {url: 'ws://f/edge', site: s1}}\n"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CHIKUDEN_FLEET_TOKEN");
        // the token and the setpoints in clear text over a network: only when the file says so
        assertThatThrownBy(() -> EmsConfigReader.read(
                        site("ems: {fleet: {url: 'ws://10.0.0.5:8090/edge', site: s1, token: abcdefghijklmnop}}\n"),
                        Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use wss:// or mqtts:// (TLS), or set insecure: true");
        assertThatThrownBy(() -> EmsConfigReader.read(
                        site("ems: {fleet: {url: 'wss://f/edge', site: s1, token: abcdefghijklmnop, maxHold: 1 h}}\n"),
                        Map.of()))
                .hasMessageContaining("ems.fleet.maxHold");
    }
}
