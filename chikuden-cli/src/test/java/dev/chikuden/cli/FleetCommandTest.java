package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.fixtures.Repository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code chikuden fleet} on the bundled example: it starts, says where the sites link, serves its API, stops. */
class FleetCommandTest {
    @TempDir
    Path dir;

    @Test
    void theBundledFleetStartsServesItsPortfolioAndStops() throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int[] exit = {-1};
        Thread t = new Thread(() -> exit[0] = cl.execute(
                "fleet", Repository.examples().resolve("kansai-fleet.yaml").toString(), "--http-port", "0"));
        t.start();
        Pattern api = Pattern.compile("API (http://127\\.0\\.0\\.1:\\d+)/api/portfolio");
        Matcher m = api.matcher("");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(m = api.matcher(out.toString())).find() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(m.find(0)).as(out + err.toString()).isTrue();
        assertThat(out.toString())
                .contains("Kansai demo portfolio: fleet of 3 sites, cycle 1000 ms")
                .contains("/edge");
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(m.group(1) + "/api/portfolio"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode p = new ObjectMapper().readTree(r.body());
        assertThat(p.get("sites").asInt()).isEqualTo(3);
        assertThat(p.get("freshSites").asInt()).isZero();
        t.interrupt();
        t.join(10_000);
        assertThat(exit[0]).isEqualTo(Main.OK);
    }

    @Test
    void aBadFleetFileExitsWithTwoAndNamesTheField() throws Exception {
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, "cycle: 10 ms\nsites: [{id: a, token: 0123456789abcdef}]\n");
        PlanCommandTest.Run r = PlanCommandTest.run("fleet", f.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("fleet.yaml: cycle: '10 ms' is not allowed; from 50 ms to 60 s");
        Files.writeString(f, "sites: [{id: a, token: short}]\n");
        assertThat(PlanCommandTest.run("fleet", f.toString()).err())
                .contains("sites[0].token: the token is 5 characters; at least 16 are needed");
        Files.writeString(f, "sites: [{id: a, token: 0123456789abcdef}, {id: a, token: 0123456789abcdef}]\n");
        assertThat(PlanCommandTest.run("fleet", f.toString()).err())
                .contains("sites[1].id: 'a' is not allowed; each site once");
        Files.writeString(f, "site: []\n");
        assertThat(PlanCommandTest.run("fleet", f.toString()).err())
                .contains("fleet.yaml:1:1: site: unknown key \"site\"; did you mean \"sites\"?");
        assertThat(PlanCommandTest.run("fleet", dir.resolve("none.yaml").toString())
                        .err())
                .contains("no such fleet file");
    }
}
