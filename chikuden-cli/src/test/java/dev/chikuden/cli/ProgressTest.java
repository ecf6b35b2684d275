package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.fixtures.Repository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    static final long S = 1_000_000_000L;

    @Test
    void rendersTheBarThePercentAndTheEta() {
        // 42 of 100 in 5.07 s: 58 more at the same rate take 7 s
        assertThat(Progress.render(42, 100, 5_070_000_000L)).isEqualTo("[####......] 42 %  ETA 0:07");
        assertThat(Progress.render(0, 100, 3 * S)).isEqualTo("[..........]  0 %  ETA ?");
        assertThat(Progress.render(100, 100, 3 * S)).isEqualTo("[##########] 100 %  ETA 0:00");
        assertThat(Progress.render(130, 100, 3 * S)).isEqualTo("[##########] 100 %  ETA 0:00");
        // 1 % in 40 s: 3,960 s more
        assertThat(Progress.render(1, 100, 40 * S)).isEqualTo("[..........]  1 %  ETA 1:06:00");
        assertThat(Progress.render(25, 100, 50 * S)).isEqualTo("[##........] 25 %  ETA 2:30");
    }

    @Test
    void drawsInPlaceOnlyAfterTwoSecondsAndClearsItsLine() {
        AtomicLong now = new AtomicLong(100 * S);
        StringWriter err = new StringWriter();
        Progress p = new Progress(1000, true, new PrintWriter(err), now::get);
        p.accept(100);
        now.addAndGet(1_900_000_000L);
        p.draw();
        assertThat(err.toString()).isEmpty(); // under 2 s: nothing
        now.addAndGet(200_000_000L);
        p.accept(400);
        p.draw();
        assertThat(err.toString()).isEqualTo("\r[#####.....] 50 %  ETA 0:02");
        p.close();
        assertThat(err.toString()).endsWith("\r" + " ".repeat(27) + "\r");
        p.draw();
        assertThat(err.toString()).endsWith("\r" + " ".repeat(27) + "\r"); // closed: no more
    }

    @Test
    void printsNothingWhenQuietOrNotOnATerminal() {
        org.junit.jupiter.api.Assumptions.assumeTrue(!Progress.onTerminal(), "run off a terminal, as by Maven");
        StringWriter err = new StringWriter();
        for (boolean quiet : new boolean[] {false, true}) {
            // the tests run with no console, as when the output is piped or redirected
            Progress p = Progress.start(10, quiet, new PrintWriter(err));
            p.accept(5);
            p.draw();
            p.close();
        }
        Progress off = new Progress(10, false, new PrintWriter(err), () -> 100 * S);
        off.accept(5);
        off.draw();
        off.close();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLongPlanOffATerminalHasNoProgressOnStderr() {
        PlanCommandTest.Run r = PlanCommandTest.run(
                "plan", Repository.examples().resolve("sakai-ai-campus.yaml").toString(), "--no-files", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("ETA").doesNotContain("\r");
    }
}
