package dev.chikuden.battery.ecm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EquivalentCircuitParametersTest {
    private static final OcvTable OCV = new OcvTable(new double[] {0, 1}, new double[] {3, 4});

    @Test
    void packQuantitiesFollowFromTheSeriesAndParallelCounts() {
        EquivalentCircuitParameters p = EquivalentCircuitParameters.lfp280Ah(416, 10);
        assertThat(p.packOcv(0.5)).isCloseTo(3.31 * 416, offset(1e-9));
        assertThat(p.packOhm(p.r0Ohm())).isCloseTo(0.25e-3 * 41.6, offset(1e-15));
        assertThat(p.packOhm(p.r1Ohm()) * p.packFarad(p.c1Farad())).isCloseTo(20, offset(1e-9));
        assertThat(p.packOhm(p.r2Ohm()) * p.packFarad(p.c2Farad())).isCloseTo(400, offset(1e-9));
        assertThat(p.packVMin()).isCloseTo(1040, offset(1e-9));
        assertThat(p.packVMax()).isCloseTo(1518.4, offset(1e-9));
    }

    @Test
    void theLfpPresetIsAUtilityContainerOfAbout37MWh() {
        EquivalentCircuitParameters p = EquivalentCircuitParameters.lfp280Ah();
        assertThat(p.seriesCells()).isEqualTo(416);
        assertThat(p.parallelStrings()).isEqualTo(10);
        // nameplate at 3.2 V nominal
        assertThat(p.cellCapacityAh() * 3.2 * 416 * 10 / 1000).isCloseTo(3727.4, within(0.1));
        // at open circuit: the trapezoids of the OCV table sum to a mean of 3.29325 V
        assertThat(p.openCircuitEnergyKwh()).isCloseTo(280 * 4160 * 3.29325 / 1000, within(1e-6));
        assertThat(p.r0Ohm()).isEqualTo(0.25e-3);
        assertThat(p.r1Ohm() * p.c1Farad()).isCloseTo(20, offset(1e-12));
        assertThat(p.r2Ohm() * p.c2Farad()).isCloseTo(400, offset(1e-12));
        assertThat(p.ocv().voltage(0)).isEqualTo(2.5);
        assertThat(p.ocv().voltage(0.95)).isEqualTo(3.4);
        assertThat(p.ocv().voltage(1)).isEqualTo(3.55);
    }

    @Test
    void rejectsParametersThatCannotDescribeAPack() {
        assertThatThrownBy(() -> new EquivalentCircuitParameters(0, 1, 280, OCV, 1e-3, 0, 0, 0, 0, 2.5, 3.65))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least 1 cell in series and 1 string, got 0 in series and 1 strings");
        assertThatThrownBy(() -> new EquivalentCircuitParameters(1, 1, 0, OCV, 1e-3, 0, 0, 0, 0, 2.5, 3.65))
                .hasMessage("cell capacity must be positive, got 0.0 Ah");
        assertThatThrownBy(() -> new EquivalentCircuitParameters(1, 1, 280, null, 1e-3, 0, 0, 0, 0, 2.5, 3.65))
                .hasMessage("an OCV table is required");
        assertThatThrownBy(() -> new EquivalentCircuitParameters(1, 1, 280, OCV, 0, 0, 0, 0, 0, 2.5, 3.65))
                .hasMessage("R0 must be positive, got 0.0 ohm");
        assertThatThrownBy(() -> new EquivalentCircuitParameters(1, 1, 280, OCV, 1e-3, -1e-3, 1, 0, 0, 2.5, 3.65))
                .hasMessage("R1 must be 0 (no pair) or positive, got -0.001 ohm");
        assertThatThrownBy(() -> new EquivalentCircuitParameters(1, 1, 280, OCV, 1e-3, 0, 0, 1e-3, 0, 2.5, 3.65))
                .hasMessage("C2 must be positive when R2 is, got 0.0 F");
        assertThatThrownBy(() -> new EquivalentCircuitParameters(1, 1, 280, OCV, 1e-3, 0, 0, 0, 0, 3.65, 2.5))
                .hasMessage("need 0 <= vMin < vMax, got vMin 3.65 V, vMax 2.5 V");
    }
}
