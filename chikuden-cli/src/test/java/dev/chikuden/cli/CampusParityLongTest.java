package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The 10-minute campus parity of the README's table: only under {@code mvn -Pparity-long}. */
class CampusParityLongTest {
    @Test
    void campusTenMinutes() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("parity", "../examples/sakai-ai-campus.yaml", "--duration", "10 min");
        System.out.println(out);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("every judged metric within tolerance");
    }
}
