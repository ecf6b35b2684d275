package dev.chikuden.ems.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chikuden.control.ControlChain;
import org.junit.jupiter.api.Test;

/** The fast loop's converter model against the chain's analytic response. */
class ConverterModelTest {
    static final long MS = 1_000_000L;

    @Test
    void aCommandArrivesACommandDelayLaterAndIsFollowedAsAFirstOrderLag() {
        ConverterModel m = new ConverterModel(
                new ControlChain(1000, 100, ControlChain.FastHost.EMS, 50, 50, 0.150, Double.POSITIVE_INFINITY),
                100 * MS);
        m.reset(0, 20);
        m.command(0, 120);
        assertThat(m.powerAt(50 * MS)).as("not arrived yet").isCloseTo(20, offset(1e-9));
        assertThat(m.powerAt(200 * MS))
                .as("one time constant after arrival")
                .isCloseTo(20 + 100 * (1 - Math.exp(-1)), offset(1e-9));
        m.command(200 * MS, 0);
        assertThat(m.powerAt(250 * MS))
                .as("the second command arrives at 250 ms")
                .isCloseTo(20 + 100 * (1 - Math.exp(-200.0 / 150)), offset(1e-9));
        double at250 = m.powerAt(250 * MS);
        assertThat(m.powerAt(400 * MS)).isCloseTo(at250 * Math.exp(-1), offset(1e-9));
    }

    @Test
    void theRampLimitsHowFastItMoves() {
        ConverterModel m =
                new ConverterModel(new ControlChain(1000, 10, ControlChain.FastHost.EMS, 0, 0, 0, 100), 10 * MS);
        m.reset(0, 0);
        m.command(0, 1000);
        assertThat(m.powerAt(500 * MS)).isCloseTo(50, offset(1e-9));
        for (int k = 1; k <= 200; k++) { // more commands in flight than the ring holds: still exact
            m.command((500 + k) * MS, 1000);
        }
        assertThat(m.powerAt(1500 * MS)).isCloseTo(150, offset(1e-9));
    }
}
