package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.EmsState;
import dev.chikuden.ems.device.BessReading;
import dev.chikuden.ems.modbus.BatteryUnitState;
import dev.chikuden.ems.runtime.EmsService;
import dev.chikuden.site.StrategySpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's one JSON dialect: how records, NaN, enums, paths and secrets are written. */
class ApiJsonTest {
    private final ObjectMapper json = ApiJson.mapper();

    @Test
    void theConfigurationLeavesOutTheTokenAndThePasswordAndMasksAPasswordInTheUrl() throws Exception {
        EmsConfig config = new EmsConfig(
                1000,
                1,
                0,
                5000,
                new EmsConfig.Devices(
                        List.of(new EmsConfig.Endpoint("bess-1", "127.0.0.1", 1502, 1)),
                        new EmsConfig.Endpoint("meter", "127.0.0.1", 1502, 100),
                        250,
                        1,
                        1000,
                        EmsConfig.SUNSPEC),
                new EmsConfig.Http("127.0.0.1", 8080, "s3cret-token-value", "the site file"),
                new EmsConfig.Store(
                        null,
                        "jdbc:postgresql://db:5432/ems?user=ems&password=pg-pass-123&ssl=true",
                        "ems",
                        "pg-pass-123",
                        86_400_000,
                        60_000,
                        86_400_000),
                Path.of("/var/lib/chikuden/audit.jsonl"),
                Path.of("/var/lib/chikuden"));
        String text = json.writeValueAsString(config);
        assertThat(text).doesNotContain("s3cret-token-value").doesNotContain("pg-pass-123");
        JsonNode c = json.readTree(text);
        assertThat(c.get("http").get("tokenOrigin").asText()).isEqualTo("the site file");
        assertThat(c.get("http").has("token")).isFalse();
        assertThat(c.get("store").has("password")).isFalse();
        assertThat(c.get("store").get("jdbcUrl").asText())
                .isEqualTo("jdbc:postgresql://db:5432/ems?user=ems&password=***&ssl=true");
        assertThat(c.get("store").get("file").isNull()).isTrue();
        assertThat(c.get("auditLog").asText()).as("a path as text").isEqualTo("/var/lib/chikuden/audit.jsonl");
        assertThat(c.get("devices").get("meter").get("unitId").asInt()).isEqualTo(100);
        assertThat(c.get("watchdogMs").asLong()).isEqualTo(5000);
        assertThat(config.http().token())
                .as("the record still holds it for the service")
                .isEqualTo("s3cret-token-value");
    }

    @Test
    void aConfigurationWithoutDevicesHttpOrStoreLeavesThemOut() throws Exception {
        JsonNode c = json.valueToTree(new EmsConfig(1000, 1, 0, 5000, null, null, null, null, null));
        assertThat(c.has("devices")).isFalse();
        assertThat(c.has("http")).isFalse();
        assertThat(c.has("store")).isFalse();
        assertThat(c.has("auditLog")).isTrue();
    }

    @Test
    void nanAndInfinityAreNullEnumsLowerCaseWithDashesAndAnEmptyRecordAnEmptyObject() throws Exception {
        JsonNode mpc = json.valueToTree(
                new StrategySpec.Mpc(48, 1_800_000, StrategySpec.Mpc.Forecast.SEASONAL_NAIVE, 0.05, 1));
        assertThat(mpc.get("forecast").asText()).isEqualTo("seasonal-naive");
        JsonNode limiter = json.valueToTree(new StrategySpec.DemandLimiter(800, 0.6, Double.POSITIVE_INFINITY));
        assertThat(limiter.get("maxRechargeKw").isNull()).isTrue();
        assertThat(json.writeValueAsString(new StrategySpec.Manual())).isEqualTo("{}");
        JsonNode reading = json.valueToTree(new EmsService.DeviceStatus(
                "bess-1",
                "bess",
                "here",
                true,
                0L,
                0,
                null,
                new BessReading(Double.NaN, 0.5, 0.1, 0.9, 1000, 1, 500, 500, 0, BatteryUnitState.RUNNING, 0, 1)));
        assertThat(reading.get("lastValues").get("powerKw").isNull()).isTrue();
        assertThat(reading.get("lastValues").get("state").asText()).isEqualTo("running");
        assertThat(reading.get("lastValues").has("storedEnergyKwh"))
                .as("only the record's components")
                .isFalse();
        assertThat(json.writeValueAsString(EmsState.SAFE)).isEqualTo("\"safe\"");
    }

    @Test
    void aLayerTheServiceAddedSaysSoAndTheOthersSayNothing() {
        JsonNode added =
                json.valueToTree(new EmsService.StackLayer("manual", "manual", new StrategySpec.Manual(), 0, true));
        JsonNode own = json.valueToTree(new EmsService.StackLayer(
                "demand-limiter", "demand-limiter", new StrategySpec.DemandLimiter(800, 0.6, 100), 1, false));
        assertThat(added.get("addedByService").asBoolean()).isTrue();
        assertThat(own.has("addedByService")).isFalse();
        assertThat(own.get("settings").get("targetKw").asDouble()).isEqualTo(800);
    }

    @Test
    void beforeAnyCycleTheGridCodeViewHoldsOnlyWhatIsKnown() {
        JsonNode view = json.valueToTree(new LiveGridCode(ApiFixture.limits(150_000), 1000).view());
        assertThat(names(view.get("windows").get(0))).containsExactly("minutes", "samples", "coveredS", "notes");
        assertThat(names(view.get("demand"))).containsExactly("contractKw", "note");
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
