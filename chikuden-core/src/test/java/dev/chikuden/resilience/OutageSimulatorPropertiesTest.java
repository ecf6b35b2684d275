package dev.chikuden.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Laws of any outage simulation, on random short series (1 to 60 periods, wrapping many times
 * in outages of up to 48 h): every step is monotone in the energy held and in the load.
 */
class OutageSimulatorPropertiesTest {
    private final OutageSimulator simulator = new OutageSimulator();

    @Property(tries = 300)
    void moreInitialEnergyNeverShortensSurvival(
            @ForAll("inputs") OutageInputs in, @ForAll @DoubleRange(min = 0, max = 1) double added) {
        double[] more = in.storedKwhAtStart().clone();
        for (int t = 0; t < more.length; t++) {
            more[t] += added * (in.maxStoredKwh() - more[t]);
        }
        double[] before = simulator.simulate(in).survivedHours();
        double[] after = simulator.simulate(with(in, more, in.criticalLoadKw())).survivedHours();
        for (int t = 0; t < before.length; t++) {
            assertThat(after[t]).as("start %d", t).isGreaterThanOrEqualTo(before[t] - 1e-9);
        }
    }

    @Property(tries = 300)
    void aLargerCriticalLoadNeverLengthensSurvival(
            @ForAll("inputs") OutageInputs in,
            @ForAll @DoubleRange(min = 0, max = 50) double extraKw,
            @ForAll @DoubleRange(min = 0, max = 1) double share) {
        double[] heavier = in.criticalLoadKw().clone();
        for (int t = 0; t < heavier.length; t++) {
            if ((t * 0.618) % 1 < share) { // raise some periods, not all
                heavier[t] += extraKw;
            }
        }
        double[] before = simulator.simulate(in).survivedHours();
        double[] after =
                simulator.simulate(with(in, in.storedKwhAtStart(), heavier)).survivedHours();
        for (int t = 0; t < before.length; t++) {
            assertThat(after[t]).as("start %d", t).isLessThanOrEqualTo(before[t] + 1e-9);
        }
    }

    @Property(tries = 300)
    void survivalProbabilityNeverRisesWithHours(
            @ForAll("inputs") OutageInputs in,
            @ForAll @DoubleRange(min = 0, max = 50) double a,
            @ForAll @DoubleRange(min = 0, max = 50) double b) {
        OutageResult result = simulator.simulate(in);
        double shorter = Math.min(a, b);
        double longer = Math.max(a, b);
        assertThat(result.survivalProbability(shorter)).isGreaterThanOrEqualTo(result.survivalProbability(longer));
        assertThat(result.survivalProbability(0)).isEqualTo(1.0);
        double[] curve = result.survivalCurve(new double[] {0, 1, 2, 4, 8, 12, 24, 48});
        for (int i = 1; i < curve.length; i++) {
            assertThat(curve[i]).isLessThanOrEqualTo(curve[i - 1]);
        }
        for (double s : result.survivedHours()) {
            assertThat(s).isBetween(0.0, in.maxOutageHours());
        }
    }

    static OutageInputs with(OutageInputs in, double[] stored, double[] critical) {
        return new OutageInputs(
                in.periodHours(),
                stored,
                in.minStoredKwh(),
                in.maxStoredKwh(),
                critical,
                in.pvKw(),
                in.dischargePowerKw(),
                in.chargePowerKw(),
                in.dischargeEfficiency(),
                in.chargeEfficiency(),
                in.maxOutageHours());
    }

    @Provide
    Arbitrary<OutageInputs> inputs() {
        return Arbitraries.integers()
                .between(1, 60)
                .flatMap(n -> Builders.withBuilder(Draft::new)
                        .use(Arbitraries.of(0.25, 0.5, 1.0))
                        .in((d, v) -> {
                            d.periodHours = v;
                            return d;
                        })
                        .use(Arbitraries.doubles()
                                .between(0, 1)
                                .array(double[].class)
                                .ofSize(n))
                        .in((d, v) -> {
                            d.storedShare = v;
                            return d;
                        })
                        .use(Arbitraries.doubles().between(0, 20))
                        .in((d, v) -> {
                            d.minKwh = v;
                            return d;
                        })
                        .use(Arbitraries.doubles().between(0, 200))
                        .in((d, v) -> {
                            d.roomKwh = v;
                            return d;
                        })
                        .use(Arbitraries.doubles()
                                .between(0, 40)
                                .array(double[].class)
                                .ofSize(n))
                        .in((d, v) -> {
                            d.critical = v;
                            return d;
                        })
                        .use(Arbitraries.doubles()
                                .between(0, 60)
                                .array(double[].class)
                                .ofSize(n))
                        .in((d, v) -> {
                            d.pv = v;
                            return d;
                        })
                        .use(Arbitraries.doubles().between(0, 50))
                        .in((d, v) -> {
                            d.dischargeKw = v;
                            return d;
                        })
                        .use(Arbitraries.doubles().between(0, 50))
                        .in((d, v) -> {
                            d.chargeKw = v;
                            return d;
                        })
                        .use(Arbitraries.doubles().between(0.5, 1))
                        .in((d, v) -> {
                            d.etaDischarge = v;
                            return d;
                        })
                        .use(Arbitraries.doubles().between(0.5, 1))
                        .in((d, v) -> {
                            d.etaCharge = v;
                            return d;
                        })
                        .use(Arbitraries.doubles().between(0.1, 48))
                        .in((d, v) -> {
                            d.maxHours = v;
                            return d;
                        })
                        .build(Draft::inputs));
    }

    /** Mutable holder for the builder; stored energy is drawn as a share between floor and ceiling. */
    static final class Draft {
        double periodHours;
        double[] storedShare;
        double minKwh;
        double roomKwh;
        double[] critical;
        double[] pv;
        double dischargeKw;
        double chargeKw;
        double etaDischarge;
        double etaCharge;
        double maxHours;

        OutageInputs inputs() {
            double[] stored = new double[storedShare.length];
            for (int t = 0; t < stored.length; t++) {
                stored[t] = minKwh + storedShare[t] * roomKwh;
            }
            return new OutageInputs(
                    periodHours,
                    stored,
                    minKwh,
                    minKwh + roomKwh,
                    critical,
                    pv,
                    dischargeKw,
                    chargeKw,
                    etaDischarge,
                    etaCharge,
                    maxHours);
        }
    }
}
