package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The acceptance: the campus example over 2 minutes around its largest ramp. */
class CampusParityTest {
    @Test
    void campusTwoMinutesAroundTheLargestRamp() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("parity", "../examples/sakai-ai-campus.yaml", "--json");
        System.out.println(out);
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(j.path("verdictsAgree").asBoolean()).isTrue();
        assertThat(j.path("withinTolerance").asBoolean()).isTrue();
    }
}
