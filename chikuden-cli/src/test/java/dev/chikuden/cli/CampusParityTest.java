package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The acceptance: the campus example over 2 minutes around its largest ramp. Measured
 * 2026-12-06 it failed: the loads matched to 3e-10 kW but the 1-s ramps differed by 50-60 % in
 * either direction between two runs (live 7 and 26 MW/s against the study's 17), the demand by
 * +4.6 % (the 300-s smoothing filter starts from a different load sample live, 10 s before the
 * window) and live saw a load-drop event the study did not.
 */
class CampusParityTest {
    @Disabled("waits for the EMS fast loop (live runs every layer at the 1-s cycle, the study's chain runs the fast"
            + " layers every 100 ms) and the lead's re-tuning of the campus control chain")
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
