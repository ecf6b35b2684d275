package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chikuden.ems.config.EmsConfig;
import dev.chikuden.ems.cycle.CycleSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every read endpoint against a fake service, over real HTTP on a free port. */
class ApiServerTest {
    @TempDir
    Path dir;

    ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(dir, ApiFixture.TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void reportsTheActualPortWhenAskedForPortZero() {
        assertThat(api.server.port()).isPositive();
        assertThat(api.client.get("/api/status").status()).isEqualTo(200);
    }

    @Test
    void aPortInUseIsAClearError() {
        EmsConfig.Http taken = new EmsConfig.Http("127.0.0.1", api.server.port(), ApiFixture.TOKEN, "test");
        assertThatThrownBy(() -> ApiServer.start(
                        new FakeEmsService(0, 1000),
                        taken,
                        dir.resolve("other.jsonl"),
                        1000,
                        ApiFixture.limits(1),
                        ApiFixture.FIXED,
                        30))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot serve the API on 127.0.0.1:" + api.server.port())
                .hasMessageContaining("ems.http.port");
    }

    @Test
    void statusBeforeTheFirstCycleSaysStartingWithNullFigures() {
        JsonNode s = api.client.get("/api/status").json();
        assertThat(s.get("state").asText()).isEqualTo("starting");
        assertThat(s.get("cycle").asLong()).isZero();
        assertThat(s.get("batteryKw").isNull()).isTrue();
        assertThat(s.get("soc").isNull()).isTrue();
        assertThat(s.get("alarms").isArray()).isTrue();
        assertThat(s.get("manual").isNull()).isTrue();
    }

    @Test
    void statusCarriesTheLastCycleAndWritesAStaleReadingAsNull() {
        api.service.cycle(100_000, 2_000);
        CycleSnapshot last = api.service.cycle(Double.NaN, 3_000);
        JsonNode s = api.client.get("/api/status").json();
        assertThat(s.get("state").asText()).isEqualTo("running");
        assertThat(s.get("cycle").asLong()).isEqualTo(2);
        assertThat(s.get("epochMs").asLong()).isEqualTo(last.epochMs());
        assertThat(s.get("time").asText()).isEqualTo("2026-07-01T00:00:11Z");
        assertThat(s.get("batteryKw").asDouble()).isEqualTo(3_000);
        assertThat(s.get("soc").asDouble()).isEqualTo(last.soc());
        assertThat(s.get("gridKw").isNull()).as("NaN grid reading").isTrue();
        assertThat(s.get("loadKw").isNull()).isTrue();
        assertThat(s.get("binding").asText()).isEqualTo("peak-shaving");
        assertThat(s.get("timing").get("p99Ms").asDouble()).isEqualTo(3.25);
        assertThat(s.get("timing").get("overruns").asLong()).isZero();
    }

    @Test
    void measurementsGiveTheLatestCycleAndEachDevice() {
        api.service.cycle(90_000, 1_000);
        JsonNode m = api.client.get("/api/measurements").json();
        assertThat(m.get("latest").get("cycle").asLong()).isEqualTo(1);
        assertThat(m.get("latest").get("state").asText()).isEqualTo("running");
        assertThat(m.get("latest").get("gridKw").asDouble()).isEqualTo(90_000);
        assertThat(m.get("devices")).hasSize(2);
        assertThat(m.get("devices").get(1).get("fresh").asBoolean()).isFalse();
        assertThat(m.get("devices").get(1).get("lastValues").get("gridKw").isNull())
                .as("a NaN inside a reading")
                .isTrue();
    }

    @Test
    void stackAndConfigPassTheServiceThrough() {
        JsonNode stack = api.client.get("/api/stack").json().get("layers");
        assertThat(stack).hasSize(2);
        assertThat(stack.get(0).get("name").asText()).isEqualTo("soc-limits");
        assertThat(stack.get(1).get("bindingShare").asDouble()).isEqualTo(0.98);
        JsonNode config = api.client.get("/api/config").json();
        assertThat(config.get("cycleMs").asLong()).isEqualTo(1000);
    }

    @Test
    void alarmsListTheActiveOnesUnlessAllAreAskedFor() {
        api.service.raise("device-silent", "meter", "the meter has not answered for 2 cycles", ApiFixture.START_MS);
        api.service.raise("write-failed", "bess-1", "setpoint write timed out", ApiFixture.START_MS + 1000);
        api.service.clearAlarm("device-silent", ApiFixture.START_MS + 5000);
        JsonNode active = api.client.get("/api/alarms").json().get("alarms");
        assertThat(active).hasSize(1);
        assertThat(active.get(0).get("code").asText()).isEqualTo("write-failed");
        assertThat(active.get(0).get("active").asBoolean()).isTrue();
        assertThat(active.get(0).get("clearedAt").isNull()).isTrue();
        JsonNode all = api.client.get("/api/alarms?all=true").json().get("alarms");
        assertThat(all).hasSize(2);
        assertThat(all.get(1).get("active").asBoolean()).isFalse();
        assertThat(all.get(1).get("clearedAt").asText()).isEqualTo("2026-07-01T00:00:15Z");
        assertThat(api.client.get("/api/status").json().get("alarms")).hasSize(1);
        ApiClient.Answer bad = api.client.get("/api/alarms?all=yes");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("all");
    }

    @Test
    void timingGivesPercentilesOverrunsAndHowTheApiKeepsUp() {
        api.service.cycle(1, 1);
        api.awaitHandedOn();
        JsonNode t = api.client.get("/api/timing").json();
        assertThat(t.get("p50Ms").asDouble()).isEqualTo(1.5);
        assertThat(t.get("p99Ms").asDouble()).isEqualTo(3.25);
        assertThat(t.get("maxMs").asDouble()).isEqualTo(4.0);
        assertThat(t.get("overruns").asLong()).isZero();
        assertThat(t.get("api").get("cyclesHandedOn").asLong()).isEqualTo(1);
        assertThat(t.get("api").get("cyclesDropped").asLong()).isZero();
    }

    @Test
    void setpointReadsNullThenWhatWasSet() {
        assertThat(api.client.get("/api/setpoint").json().get("manual").isNull())
                .isTrue();
        api.service.setManualSetpoint(-2500, ApiFixture.START_MS + 60_000);
        JsonNode m = api.client.get("/api/setpoint").json().get("manual");
        assertThat(m.get("kw").asDouble()).isEqualTo(-2500);
        assertThat(m.get("expiresAt").asText()).isEqualTo("2026-07-01T00:01:10Z");
    }

    @Test
    void telemetryDefaultsToTheLastFifteenMinutesAndHonoursRangeAndPoints() {
        for (int i = 0; i < 1200; i++) { // 20 minutes at 1 s, ending 20 min after START
            api.service.cycle(100_000 + i, 0);
        }
        // the fixture's clock stands at START: the default window [START - 15 min, START] holds only cycle 1
        JsonNode d = api.client.get("/api/telemetry").json();
        assertThat(d.get("maxPoints").asInt()).isEqualTo(2000);
        assertThat(d.get("to").asText()).isEqualTo("2026-07-01T00:00:10Z");
        assertThat(d.get("from").asText()).isEqualTo("2026-06-30T23:45:10Z");
        assertThat(d.get("points")).hasSize(1);

        long from = ApiFixture.START_MS + 60_000;
        JsonNode r = api.client
                .get("/api/telemetry?from=" + from + "&to=2026-07-01T00:11:09Z&maxPoints=100")
                .json();
        JsonNode points = r.get("points");
        assertThat(points.size()).isBetween(1, 100);
        assertThat(points.get(0).get("epochMs").asLong()).isEqualTo(from);
        assertThat(points.get(0).get("gridKw").asDouble()).isEqualTo(100_060);
        JsonNode last = points.get(points.size() - 1);
        assertThat(last.get("epochMs").asLong()).isLessThanOrEqualTo(from + 599_000);
    }

    @Test
    void telemetryRefusesBadInputNamingTheField() {
        assertBad("/api/telemetry?from=yesterday", "from");
        assertBad("/api/telemetry?to=2026-13-01T00:00:00Z", "to");
        assertBad("/api/telemetry?from=2026-07-01T01:00:00Z&to=2026-07-01T00:00:00Z", "from");
        assertBad("/api/telemetry?maxPoints=0", "maxPoints");
        assertBad("/api/telemetry?maxPoints=lots", "maxPoints");
        assertBad("/api/telemetry?maxPoints=100001", "maxPoints");
        assertBad("/api/audit?limit=0", "limit");
    }

    private void assertBad(String path, String field) {
        ApiClient.Answer a = api.client.get(path);
        assertThat(a.status()).as(path).isEqualTo(400);
        assertThat(a.json().get("field").asText()).as(path).isEqualTo(field);
        assertThat(a.json().get("error").asText())
                .as(path)
                .contains(field)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void unknownRoutesAnswerJsonNotFound() {
        ApiClient.Answer a = api.client.get("/api/nope");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").asText()).contains("GET /api/nope");
    }

    @Test
    void servesItsOpenApiDocument() {
        ApiClient.Answer a = api.client.get("/api/openapi.yaml");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/yaml");
        assertThat(a.text()).startsWith("openapi: 3.1.0");
    }

    @Test
    void servesTheDashboardAndTheLibrariesItLoads() {
        ApiClient.Answer page = api.client.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        java.util.regex.Matcher refs =
                java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.text());
        int n = 0;
        while (refs.find()) {
            assertThat(api.client.get(refs.group(1)).status()).as(refs.group(1)).isEqualTo(200);
            n++;
        }
        assertThat(n).as("uPlot's script and style, ours, the icon").isGreaterThanOrEqualTo(5);
        assertThat(api.client.get("/").header("Access-Control-Allow-Origin"))
                .as("no CORS")
                .isNull();
    }

    @Test
    void gridCodeMetricsOfTheCyclesStreamedSoFar() {
        for (int i = 0; i < 90; i++) { // 90 s: 100 MW rising 500 kW a second
            api.service.cycle(100_000 + 500.0 * i, 0);
        }
        api.awaitHandedOn();
        ApiClient.Answer a = api.client.get("/api/gridcode");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).doesNotContain("NaN");
        JsonNode g = a.json();
        assertThat(g.get("zone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(g.get("cycleMs").asLong()).isEqualTo(1000);
        JsonNode one = g.get("windows").get(0);
        assertThat(one.get("minutes").asInt()).isEqualTo(1);
        assertThat(one.get("samples").asInt()).isEqualTo(60);
        assertThat(one.get("maxRampUpKwPerS").asDouble()).isEqualTo(500.0);
        assertThat(one.get("maxRampKwPerMin").isNull()).isTrue();
        JsonNode five = g.get("windows").get(1);
        assertThat(five.get("samples").asInt()).isEqualTo(90);
        assertThat(five.get("maxRampKwPerMin").asDouble()).isEqualTo(30_000.0);
        JsonNode demand = g.get("demand");
        assertThat(demand.get("contractKw").asDouble()).isEqualTo(ApiFixture.CONTRACT_KW);
        assertThat(demand.get("slotStart").asText()).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(demand.get("unobservedS").asDouble())
                .as("the 10 s before the first cycle")
                .isEqualTo(10.0);
        assertThat(demand.get("peakClosedSlotKw").isNull()).isTrue();
    }
}
