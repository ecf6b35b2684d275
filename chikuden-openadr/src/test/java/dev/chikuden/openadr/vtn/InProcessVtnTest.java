package dev.chikuden.openadr.vtn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.openadr.TestClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The VTN's answers as the specification gives them: statuses, problems, scopes, the examples accepted. */
class InProcessVtnTest {
    private static InProcessVtn vtn;
    private static TestClient bl;
    private static TestClient ven;
    private static String programId;

    @BeforeAll
    static void start() {
        vtn = InProcessVtn.start(List.of(
                new VtnClient("bl", "bl-secret", VtnClient.Role.BUSINESS_LOGIC),
                new VtnClient("ven1", "ven1-secret", VtnClient.Role.VEN),
                new VtnClient("ven2", "ven2-secret", VtnClient.Role.VEN)));
        bl = new TestClient(vtn.url(), "bl", "bl-secret");
        ven = new TestClient(vtn.url(), "ven1", "ven1-secret");
        programId = bl.send("POST", "/programs", example("program-8.3-1-pricing.json"))
                .json()
                .get("id")
                .asText();
    }

    @AfterAll
    static void stop() {
        vtn.close();
    }

    private static String example(String file) {
        try (InputStream in = TestClient.class.getResourceAsStream("examples/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tokenEndpointFollowsRfc6749() {
        TestClient.Answer wrong = TestClient.askToken(vtn.url(), "ven1", "nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
        TestClient.Answer ok = TestClient.askToken(vtn.url(), "ven1", "ven1-secret");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(ok.json().get("expires_in").asLong()).isEqualTo(InProcessVtn.DEFAULT_TOKEN_LIFETIME.toSeconds());
    }

    @Test
    void withoutATokenEveryRouteIs401() {
        TestClient anonymous = new TestClient(vtn.url(), null, null);
        for (String path : List.of("/programs", "/events", "/reports", "/vens")) {
            TestClient.Answer a = anonymous.send("GET", path, null);
            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.response().headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
            assertThat(a.json().get("detail").asText()).contains("Authorization: Bearer");
        }
    }

    @Test
    void aVenMayNotWriteProgramsOrEvents() {
        TestClient.Answer a = ven.send("POST", "/programs", "{\"programName\": \"mine\"}");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("detail").asText()).contains("write_programs");
        assertThat(ven.send(
                                "POST",
                                "/events",
                                example("event-7.2-3-minimal.json").replace("\"0\"", quoted(programId)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theUserGuidesEventsAreAccepted() {
        for (String file : List.of(
                "event-7.2-3-minimal.json",
                "event-7.3-1-multi-price.json",
                "event-7.4-1-variable-intervals.json",
                "event-7.6-1-payload-descriptors.json",
                "event-8.3-2-pricing.json",
                "event-8.10.1-1-capacity-limits.json")) {
            String body = example(file)
                    .replace("\"programID\": \"44\"", "\"programID\": " + quoted(programId))
                    .replace("\"programID\": \"0\"", "\"programID\": " + quoted(programId));
            TestClient.Answer a = bl.send("POST", "/events", body);
            assertThat(a.status()).as(file + ": " + a.body()).isEqualTo(201);
            assertThat(a.json().get("objectType").asText()).isEqualTo("EVENT");
            assertThat(a.json().get("programID").asText()).isEqualTo(programId);
        }
    }

    @Test
    void badBodiesAre400AndNameTheField() {
        TestClient.Answer noProgram = bl.send("POST", "/events", "{\"intervals\": []}");
        assertThat(noProgram.status()).isEqualTo(400);
        assertThat(noProgram.json().get("detail").asText()).contains("programID is required");
        TestClient.Answer typo = bl.send("POST", "/events", "{\"programID\": \"x\", \"priorty\": 1}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("detail").asText()).contains("priorty");
        TestClient.Answer noPayloads =
                bl.send("POST", "/events", "{\"programID\": " + quoted(programId) + ", \"intervals\": [{\"id\": 0}]}");
        assertThat(noPayloads.json().get("detail").asText()).isEqualTo("intervals[0].payloads is required");
        assertThat(bl.send("GET", "/events?limit=51", null).status()).isEqualTo(400);
    }

    @Test
    void unknownReferencesAre409AndUnknownObjects404() {
        assertThat(bl.send("POST", "/events", "{\"programID\": \"program-999\"}")
                        .status())
                .isEqualTo(409);
        assertThat(bl.send("PUT", "/events/event-999", "{\"programID\": " + quoted(programId) + "}")
                        .status())
                .isEqualTo(404);
        assertThat(bl.send("POST", "/programs", example("program-8.3-1-pricing.json"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aVenSeesOnlyItsOwnVenAndReports() {
        TestClient other = new TestClient(vtn.url(), "ven2", "ven2-secret");
        assertThat(other.send("POST", "/vens", "{\"objectType\": \"VEN_VEN_REQUEST\", \"venName\": \"ven-two\"}")
                        .status())
                .isEqualTo(201);
        String eventId = bl.send(
                        "POST", "/events", example("event-7.2-3-minimal.json").replace("\"0\"", quoted(programId)))
                .json()
                .get("id")
                .asText();
        String report =
                example("report-7.2-5-minimal.json").replace("\"eventID\": \"0\"", "\"eventID\": " + quoted(eventId));
        assertThat(other.send("POST", "/reports", report).status()).isEqualTo(201);
        assertThat(bl.send("POST", "/reports", report).status()).isEqualTo(403);

        assertThat(ven.send("GET", "/vens?venName=ven-two", null).json()).isEmpty();
        assertThat(ven.send("GET", "/reports?eventID=" + eventId, null).json()).isEmpty();
        assertThat(other.send("GET", "/vens?venName=ven-two", null).json()).hasSize(1);
        assertThat(bl.send("GET", "/reports?eventID=" + eventId, null).json())
                .singleElement()
                .satisfies(r -> assertThat(r.get("clientID").asText()).isEqualTo("ven2"));
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
