package dev.chikuden.battery.ecm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EquivalentCircuitTest {
    private static final EquivalentCircuitParameters LFP = EquivalentCircuitParameters.lfp280Ah();
    // pack values of the preset, worked out here rather than taken from the parameters
    private static final double NS = 416;
    private static final double R0 = 0.25e-3 * 416 / 10;
    private static final double[] R = {0.20e-3 * 416 / 10, 0.15e-3 * 416 / 10};
    private static final double[] TAU = {20, 400};
    private static final double V_MIN = 2.5 * 416;
    private static final double V_MAX = 3.65 * 416;
    private static final double REL = 1e-9;

    /** One cell with R0 and a single RC pair (R1 = 0.2 mOhm, tau 20 s). */
    private static EquivalentCircuitParameters oneRcCell(double vMin) {
        return new EquivalentCircuitParameters(1, 1, 280, LFP.ocv(), 0.25e-3, 0.2e-3, 20 / 0.2e-3, 0, 0, vMin, 3.65);
    }

    private static double packOcv(double soc) {
        return LFP.ocv().voltage(soc) * NS;
    }

    /** RC voltage of pair k at time t into a step at constant current, from v0. */
    private static double rc(int k, double v0, double currentA, double t) {
        double e = Math.exp(-t / TAU[k]);
        return v0 * e + currentA * R[k] * (1 - e);
    }

    /** Composite Simpson rule, fine enough for exponentials over steps up to 3 time constants. */
    private static double mean(DoubleUnaryOperator f, double dt) {
        int n = 2000;
        double h = dt / n;
        double s = f.applyAsDouble(0) + f.applyAsDouble(dt);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(i * h);
        }
        return s * h / 3 / dt;
    }

    @Test
    void atRestTheTerminalVoltageIsTheOcvOfTheSeriesString() {
        for (double soc : new double[] {0, 0.05, 0.37, 0.5, 0.93, 1}) {
            EquivalentCircuit ecm = new EquivalentCircuit(LFP);
            for (int i = 0; i < 30; i++) { // polarise both pairs, in both directions
                ecm.step(i % 3 == 0 ? -500 : 1200, 0.5, 10);
            }
            assertThat(ecm.rcVoltage2()).isNotZero();
            for (int t = 0; t < 20_000; t += 60) { // 50 time constants of the slow pair
                ecm.step(0, soc, 60);
            }
            assertThat(ecm.currentA()).isZero();
            assertThat(ecm.terminalVoltage()).isCloseTo(LFP.ocv().voltage(soc) * 416, withinPercentage(1e-7));
            assertThat(ecm.rcEnergyKwh()).isLessThan(1e-30);
        }
    }

    @Test
    void resetReturnsToRest() {
        EquivalentCircuit ecm = new EquivalentCircuit(LFP);
        ecm.step(1000, 0.5, 30);
        ecm.reset();
        assertThat(ecm.rcVoltage1()).isZero();
        assertThat(ecm.rcVoltage2()).isZero();
        assertThat(ecm.currentA()).isZero();
        assertThat(ecm.terminalVoltage()).isNaN();
        ecm.step(0, 0.5, 0.1);
        assertThat(ecm.terminalVoltage()).isEqualTo(packOcv(0.5));
    }

    @Test
    void aConstantCurrentFollowsTheAnalyticOneRcResponseWhateverTheStep() {
        double r0 = 0.25e-3;
        double r1 = 0.2e-3;
        double tau = 20;
        double soc = 0.6;
        double ocv = 3.32;
        for (double current : new double[] {140, -280}) {
            for (double dt : new double[] {0.1, 0.5, 1, 7.5, 60}) {
                EquivalentCircuit ecm = new EquivalentCircuit(oneRcCell(2.5));
                int loaded = (int) Math.round(300 / dt);
                for (int n = 1; n <= loaded; n++) {
                    double chemicalKw = ecm.stepCurrent(current, soc, dt);
                    double t = n * dt;
                    double expected = ocv - current * r0 - current * r1 * (1 - Math.exp(-t / tau));
                    assertThat(ecm.terminalVoltage())
                            .as("I %s A, dt %s s, t %s s", current, dt, t)
                            .isCloseTo(expected, withinPercentage(100 * REL));
                    assertThat(chemicalKw).isCloseTo(ocv * current / 1000, withinPercentage(1e-10));
                }
                double loadedRc = current * r1 * (1 - Math.exp(-300 / tau));
                for (int n = 1; n <= loaded; n++) { // then relaxation at zero current
                    ecm.stepCurrent(0, soc, dt);
                    double expected = ocv - loadedRc * Math.exp(-n * dt / tau);
                    assertThat(ecm.terminalVoltage()).isCloseTo(expected, withinPercentage(100 * REL));
                }
            }
        }
    }

    @Test
    void aConstantCurrentFollowsTheAnalyticTwoRcResponseOfThePack() {
        double current = 1400; // 0.5C for the pack of ten strings
        for (double dt : new double[] {0.1, 1, 60}) {
            EquivalentCircuit ecm = new EquivalentCircuit(LFP);
            for (int n = 1; n * dt <= 1200 + 1e-9; n++) {
                ecm.stepCurrent(current, 0.5, dt);
                double t = n * dt;
                double expected = packOcv(0.5) - current * R0 - rc(0, 0, current, t) - rc(1, 0, current, t);
                assertThat(ecm.terminalVoltage()).isCloseTo(expected, withinPercentage(100 * REL));
                assertThat(ecm.rcVoltage1()).isCloseTo(rc(0, 0, current, t), withinPercentage(100 * REL));
                assertThat(ecm.rcVoltage2()).isCloseTo(rc(1, 0, current, t), withinPercentage(100 * REL));
            }
        }
    }

    @Test
    void aPackBehavesAsItsCellScaledBySeriesAndParallelCounts() {
        EquivalentCircuit pack = new EquivalentCircuit(LFP);
        EquivalentCircuit cell = new EquivalentCircuit(EquivalentCircuitParameters.lfp280Ah(1, 1));
        double[] packKw = {1500, 2500, -1800, 0, 400, -3000};
        for (double kw : packKw) {
            double packChemical = pack.step(kw, 0.42, 2);
            double cellChemical = cell.step(kw / 4160, 0.42, 2);
            assertThat(pack.currentA())
                    .isCloseTo(10 * cell.currentA(), offset(1e-9 * Math.abs(pack.currentA()) + 1e-12));
            assertThat(pack.terminalVoltage()).isCloseTo(416 * cell.terminalVoltage(), withinPercentage(1e-10));
            assertThat(packChemical).isCloseTo(4160 * cellChemical, offset(1e-9 * Math.abs(packChemical) + 1e-12));
        }
    }

    @Test
    void dischargingAtTheLimitReachesVMinExactly() {
        for (double soc : new double[] {0.08, 0.5, 0.97}) {
            for (double dt : new double[] {0.1, 1, 60}) {
                EquivalentCircuit ecm = new EquivalentCircuit(LFP);
                double limitKw = ecm.maxDischargeDcKw(soc, dt);
                double ocv = packOcv(soc);
                assertThat(limitKw).isPositive().isLessThan(ocv * ocv / (4 * R0) / 1000);
                ecm.step(limitKw, soc, dt);
                assertThat(ecm.terminalVoltage())
                        .as("soc %s, dt %s s", soc, dt)
                        .isCloseTo(V_MIN, withinPercentage(100 * REL));
            }
        }
        EquivalentCircuit ecm = new EquivalentCircuit(LFP);
        for (int i = 0; i < 50; i++) { // sustained: the pairs keep charging up and the limit falls
            double limitKw = ecm.maxDischargeDcKw(0.3, 1);
            ecm.step(limitKw, 0.3, 1);
            assertThat(ecm.terminalVoltage()).isCloseTo(V_MIN, withinPercentage(100 * REL));
        }
    }

    @Test
    void chargingAtTheLimitReachesVMaxExactly() {
        for (double soc : new double[] {0.03, 0.5, 0.97}) {
            for (double dt : new double[] {0.1, 1, 60}) {
                EquivalentCircuit ecm = new EquivalentCircuit(LFP);
                ecm.step(-ecm.maxChargeDcKw(soc, dt), soc, dt);
                assertThat(ecm.terminalVoltage())
                        .as("soc %s, dt %s s", soc, dt)
                        .isCloseTo(V_MAX, withinPercentage(100 * REL));
            }
        }
        EquivalentCircuit ecm = new EquivalentCircuit(LFP);
        for (int i = 0; i < 50; i++) {
            ecm.step(-ecm.maxChargeDcKw(0.7, 1), 0.7, 1);
            assertThat(ecm.terminalVoltage()).isCloseTo(V_MAX, withinPercentage(100 * REL));
        }
    }

    @Test
    void atTheVoltageFloorOrCeilingTheLimitIsZero() {
        EquivalentCircuit ecm = new EquivalentCircuit(LFP);
        assertThat(ecm.maxDischargeDcKw(0, 1)).isZero(); // the OCV at SOC 0 is vMin
        for (int i = 0; i < 20; i++) {
            ecm.step(-ecm.maxChargeDcKw(0.5, 60), 0.5, 60);
        }
        // polarised by charging at 50 % by more than the 0.1 V per cell between the OCV at full and vMax
        assertThat(-(ecm.rcVoltage1() + ecm.rcVoltage2())).isGreaterThan(0.1 * 416);
        assertThat(ecm.maxChargeDcKw(1, 1)).isZero();
        assertThat(ecm.maxDischargeDcKw(1, 1)).isPositive();
    }

    @Test
    void withoutAVoltageFloorTheLimitIsTheMaximumTransferablePower() {
        double soc = 0.5;
        double dt = 1;
        double ocv = 3.31;
        // mean terminal power over the step at a constant current, integrated independently
        DoubleUnaryOperator power = i -> i * mean(t -> ocv - i * 0.25e-3 - i * 0.2e-3 * (1 - Math.exp(-t / 20)), dt);
        double lo = 0;
        double hi = ocv / 0.25e-3;
        for (int k = 0; k < 200; k++) { // golden-section search for the peak of the power-current curve
            double a = hi - 0.618 * (hi - lo);
            double b = lo + 0.618 * (hi - lo);
            if (power.applyAsDouble(a) < power.applyAsDouble(b)) {
                lo = a;
            } else {
                hi = b;
            }
        }
        double peakW = power.applyAsDouble(lo);

        EquivalentCircuit ecm = new EquivalentCircuit(oneRcCell(0));
        double limitKw = ecm.maxDischargeDcKw(soc, dt);
        assertThat(limitKw * 1000).isCloseTo(peakW, withinPercentage(1e-8));
        assertThat(limitKw * 1000).isLessThan(ocv * ocv / (4 * 0.25e-3)); // the R0-only figure bounds it
        ecm.step(limitKw, soc, dt);
        assertThat(ecm.currentA()).isCloseTo(lo, withinPercentage(1e-4));

        EquivalentCircuit beyond = new EquivalentCircuit(oneRcCell(0));
        assertThatThrownBy(() -> beyond.step(limitKw * (1 + 1e-6), soc, dt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "exceeds the maximum transferable power of " + String.format("%.6g", limitKw) + " kW");
        assertThat(beyond.step(-3 * limitKw, soc, dt)).isNegative(); // charging has no such limit
    }

    @Test
    void rejectsAStepThatIsNotPositive() {
        EquivalentCircuit ecm = new EquivalentCircuit(LFP);
        assertThatThrownBy(() -> ecm.step(10, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step must be positive and finite, got 0.0 s");
    }

    /**
     * Energy per step against an independent integration of the circuit, for any state reached by
     * powers within the limits: chemical = terminal + I^2 R0 + sum of I * mean(v); heat never
     * negative; chemical - terminal summed from rest never negative; the voltage within its limits
     * at every instant of the step.
     */
    @Property(tries = 300)
    void energyClosesLossesAreNeverNegativeAndTheVoltageStaysInItsLimits(
            @ForAll @DoubleRange(min = 0, max = 1) double soc,
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = -1, max = 1) Double> fractions,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 100, max = 60_000) Integer> stepsMs) {
        EquivalentCircuit ecm = new EquivalentCircuit(LFP);
        double ocv = packOcv(soc);
        double netLossKwh = 0;
        double scaleKwh = 0;
        for (int i = 0; i < fractions.size(); i++) {
            double dt = stepsMs.get(i % stepsMs.size()) / 1000.0;
            double f = fractions.get(i);
            double maxDischarge = ecm.maxDischargeDcKw(soc, dt);
            double maxCharge = ecm.maxChargeDcKw(soc, dt);
            double terminalKw = f >= 0 ? f * maxDischarge : f * maxCharge;
            double v1 = ecm.rcVoltage1();
            double v2 = ecm.rcVoltage2();
            double rcBeforeKwh = ecm.rcEnergyKwh();

            double chemicalKw = ecm.step(terminalKw, soc, dt);
            double current = ecm.currentA();

            // relative to every power in the balance, including the RC energy turned over in the step
            double tol = REL * (Math.abs(chemicalKw) + Math.abs(terminalKw) + ecm.lossKw() + rcBeforeKwh * 3600 / dt)
                    + 1e-12;
            assertThat(chemicalKw).isCloseTo(ocv * current / 1000, offset(tol));
            double rcMeanW = current * (mean(t -> rc(0, v1, current, t), dt) + mean(t -> rc(1, v2, current, t), dt));
            assertThat(chemicalKw).isCloseTo(terminalKw + (current * current * R0 + rcMeanW) / 1000, offset(tol));
            double heatW = current * current * R0
                    + mean(t -> Math.pow(rc(0, v1, current, t), 2), dt) / R[0]
                    + mean(t -> Math.pow(rc(1, v2, current, t), 2), dt) / R[1];
            assertThat(ecm.lossKw()).isGreaterThanOrEqualTo(0).isCloseTo(heatW / 1000, offset(tol));
            double rcChangeKw = (ecm.rcEnergyKwh() - rcBeforeKwh) * 3600 / dt;
            assertThat(chemicalKw - terminalKw).isCloseTo(ecm.lossKw() + rcChangeKw, offset(tol));

            netLossKwh += (chemicalKw - terminalKw) * dt / 3600;
            scaleKwh += (Math.abs(chemicalKw) + Math.abs(terminalKw)) * dt / 3600;
            assertThat(netLossKwh).isGreaterThanOrEqualTo(-REL * scaleKwh);

            for (int s = 0; s <= 50; s++) {
                double t = s * dt / 50;
                double volts = ocv - current * R0 - rc(0, v1, current, t) - rc(1, v2, current, t);
                if (maxDischarge > 0) {
                    assertThat(volts).isGreaterThanOrEqualTo(V_MIN * (1 - REL));
                }
                if (maxCharge > 0) {
                    assertThat(volts).isLessThanOrEqualTo(V_MAX * (1 + REL));
                }
                if (s == 50) {
                    assertThat(ecm.terminalVoltage()).isCloseTo(volts, withinPercentage(1e-10));
                }
            }
        }
    }
}
