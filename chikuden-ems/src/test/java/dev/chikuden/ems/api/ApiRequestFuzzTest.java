package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.FuzzOutcome;
import dev.chikuden.gridcode.GridCodeRules;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * What a client sends the API, parsed as the server parses it (without HTTP): a request within the
 * site's limits, or a 400 {@link ApiError} naming what is wrong.
 */
class ApiRequestFuzzTest {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final SiteLimits SITE =
            new SiteLimits(ZoneId.of("Asia/Tokyo"), 60_000, GridCodeRules.defaults(), 40_000, 50_000);

    /** The body of POST /api/setpoint, decoded as UTF-8 as the server does. */
    @FuzzTest(maxDuration = "5m")
    void setpoint(byte[] body) {
        SetpointRequest req = FuzzOutcome.resultOr(
                ApiError.class, () -> SetpointRequest.parse(JSON, new String(body, StandardCharsets.UTF_8), SITE));
        if (req != null) {
            assertThat(req.kw()).isBetween(-SITE.maxChargeKw(), SITE.maxDischargeKw());
            assertThat(req.expiresInSeconds()).isBetween(1L, SetpointRequest.MAX_EXPIRY_S);
        }
    }

    /** The query of GET /api/telemetry: from, to and maxPoints. */
    @FuzzTest(maxDuration = "5m")
    void telemetryQuery(FuzzedDataProvider data) {
        String from = data.consumeString(64);
        String to = data.consumeString(64);
        String maxPoints = data.consumeRemainingAsString();
        long now = 1_782_000_000_000L;
        TelemetryQuery q = FuzzOutcome.resultOr(ApiError.class, () -> TelemetryQuery.parse(from, to, maxPoints, now));
        if (q != null) {
            assertThat(q.fromEpochMs()).isLessThanOrEqualTo(q.toEpochMs());
            assertThat(q.maxPoints()).isBetween(1, TelemetryQuery.MAX_POINTS);
        }
    }
}
