package dev.chikuden.openadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.chikuden.openadr.model.IntervalPeriod;
import dev.chikuden.openadr.model.Ven;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OpenAdrJsonTest {
    @Test
    void readsTheUserGuidesDatesAsUtc() throws IOException {
        for (String start : new String[] {"0001-01-01", "0001-01-01T00:00:00", "0001-01-01T09:00:00+09:00"}) {
            IntervalPeriod p = TestClient.JSON.readValue("{\"start\": \"" + start + "\"}", IntervalPeriod.class);
            assertThat(p.getStart().toInstant()).as(start).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        }
        assertThatThrownBy(() -> TestClient.JSON.readValue("{\"start\": \"tomorrow\"}", IntervalPeriod.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("tomorrow")
                .hasMessageContaining("RFC 3339");
    }

    @Test
    void aVenWhoseObjectTypeIsVenIsReadAlthoughTheModelSaysBlVenRequest() throws IOException {
        Ven ven = TestClient.JSON.readValue(
                "{\"id\": \"ven-1\", \"objectType\": \"VEN\", \"venName\": \"v\", \"clientID\": \"c\"}", Ven.class);
        assertThat(ven.getVenName()).isEqualTo("v");
        assertThat(ven.getObjectType()).isNull();
    }

    @Test
    void writesRfc3339AndLeavesNullsOut() throws IOException {
        String json = TestClient.JSON.writeValueAsString(new IntervalPeriod()
                .start(Instant.parse("2026-12-07T00:30:00Z").atOffset(ZoneOffset.UTC))
                .duration("PT30M")
                .randomizeStart(null));
        assertThat(json).isEqualTo("{\"start\":\"2026-12-07T00:30:00Z\",\"duration\":\"PT30M\"}");
    }
}
