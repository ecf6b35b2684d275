package dev.chikuden.openadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenConfigReaderTest {
    @TempDir
    Path dir;

    private final VenConfigReader reader = new VenConfigReader(Map.of("OADR_SECRET", "s3cret")::get);

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("fleet.yaml"), yaml);
    }

    @Test
    void readsASectionWithDefaults() throws IOException {
        VenConfig c = reader.read(file("""
                fleet:
                  openadr:
                    vtnUrl: https://vtn.example.jp/openadr3
                    clientId: ven-tokyo-1
                    clientSecretEnv: OADR_SECRET
                    venName: chikuden-fleet-tokyo
                    programNames: [capacity-tokyo, dr-tokyo]
                    pollPeriod: 500 ms
                """), "/fleet/openadr");
        assertThat(c.vtnUrl()).isEqualTo(URI.create("https://vtn.example.jp/openadr3"));
        assertThat(c.tokenUrl()).isEqualTo(URI.create("https://vtn.example.jp/openadr3/auth/token"));
        assertThat(c.clientSecret()).isEqualTo("s3cret");
        assertThat(c.programNames()).containsExactly("capacity-tokyo", "dr-tokyo");
        assertThat(c.pollPeriod()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void readsJsonAndIsoDurations() throws IOException {
        VenConfig c = reader.read(file("""
                {"openadr": {"vtnUrl": "http://127.0.0.1:8080", "tokenUrl": "http://127.0.0.1:9000/token",
                 "venName": "v", "programNames": ["p"], "pollPeriod": "PT2M"}}
                """), "/openadr");
        assertThat(c.clientId()).isNull();
        assertThat(c.tokenUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/token"));
        assertThat(c.pollPeriod()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void errorsNameTheFileTheFieldAndTheValue() throws IOException {
        String good = "vtnUrl: https://vtn.example.jp\nvenName: v\nprogramNames: [p]\nclientId: c\nclientSecret: x\n";
        Map<String, List<String>> cases = Map.of(
                good.replace("https://vtn.example.jp", "vtn.example.jp"),
                List.of("openadr.vtnUrl: 'vtn.example.jp' is not an absolute http(s) URL"),
                good + "pollPeriod: soon\n",
                List.of("openadr.pollPeriod: 'soon' is not a duration", "30 s"),
                good + "pollPeriod: 1 ms\n",
                List.of("openadr.pollPeriod: '1 ms'", "at least 10 ms"),
                good.replace("programNames: [p]", "programNames: []"),
                List.of("openadr.programNames: '[]' is not a list"),
                good.replace("venName: v\n", ""),
                List.of("openadr.venName: missing"),
                good.replace("clientSecret: x\n", ""),
                List.of("clientId and clientSecret (or clientSecretEnv) go together"),
                good + "pollperiod: 5 s\n",
                List.of("openadr.pollperiod: unknown field", "pollPeriod"),
                good.replace("clientSecret: x", "clientSecretEnv: NOT_SET"),
                List.of("openadr.clientSecretEnv: the environment variable 'NOT_SET' is not set"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Path f = file("openadr:\n" + c.getKey().indent(2));
            assertThatThrownBy(() -> reader.read(f, "/openadr"))
                    .as(c.getKey())
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(f + " openadr")
                    .satisfies(e -> assertThat(e.getMessage()).contains(c.getValue()));
        }
    }

    @Test
    void aMissingSectionIsNamed() throws IOException {
        Path f = file("site: {}\n");
        assertThatThrownBy(() -> reader.read(f, "/openadr"))
                .hasMessage(f + ": no section /openadr (the VEN's settings)");
    }
}
