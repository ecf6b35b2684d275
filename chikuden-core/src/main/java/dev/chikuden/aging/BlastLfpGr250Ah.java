package dev.chikuden.aging;

import java.util.ArrayList;
import java.util.List;

/**
 * NREL BLAST-Lite {@code Lfp_Gr_250AhPrismatic}: LFP/graphite 250 Ah prismatic cells (BLAST-Lite
 * 1.1.0, Apache-2.0; data from doi:10.1016/j.est.2023.109042). Capacity fade only:
 * {@code q = 1 - qLoss_t - qLoss_EFC} with a calendar term {@code k_cal * t_days^0.526} driven by
 * temperature and anode potential (from SOC), and a cycling term {@code k_cyc * EFC^0.828} driven by
 * temperature, depth of discharge and C-rate. Stressors per daily chunk: DOD = max - min SOC;
 * C-rate = time-average of |dSOC/dt| (1/h, below 0.01 counts as 0); EFC = sum |dSOC| / 2 scaled
 * by the cohort's present capacity; k_cal and the temperature factor of k_cyc are trapezoid
 * time-averages of their instantaneous values. Validated for 10-45 °C cycling, DOD 0.8-1, charge
 * at most 0.65 C, discharge at most 1 C.
 */
public final class BlastLfpGr250Ah implements AgingModel {
    public static final String NAME = "lfp-250ah";
    static final double P_CAL = 0.526;
    static final double P_CYC = 0.828;
    private static final double CHUNK_S = 86_400;
    /** k_cal is sampled at most once a minute: it changes with SOC and temperature, which move slowly. */
    private static final double SAMPLE_S = 60;

    private final Chunk chunk = new Chunk();
    private final Validity validity = new Validity();
    private double daysApplied;

    /** Anode (graphite) potential against Li, volts, from the cell SOC. */
    public static double anodePotential(double soc) {
        double xa = 0.0085 + soc * (0.78 - 0.0085);
        return 0.6379
                + 0.5416 * Math.exp(-305.5309 * xa)
                + 0.044 * Math.tanh(-(xa - 0.1958) / 0.1088)
                - 0.1978 * Math.tanh((xa - 1.0571) / 0.0854)
                - 0.6875 * Math.tanh((xa + 0.0117) / 0.0529)
                - 0.0175 * Math.tanh((xa - 0.5692) / 0.0875);
    }

    /** Calendar rate, per day^0.526, at cell temperature {@code kelvin} and {@code soc}. */
    public static double kCal(double kelvin, double soc) {
        return 8.37e4 * Math.exp(-5.21e3 / kelvin) * Math.exp(-3.56e3 * anodePotential(soc) / kelvin);
    }

    /** Cycling rate, per EFC^0.828. */
    public static double kCyc(double kelvin, double dod, double cRate) {
        return (4.38e-8 + 1.55e-8 * dod + 1.68e-7 * cRate) * temperatureFactor(kelvin);
    }

    static double temperatureFactor(double kelvin) {
        return Math.exp(2.19e3 / kelvin) + Math.exp(-1.55e5 / kelvin);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Cohort newCohort() {
        return new State();
    }

    @Override
    public void addStep(double soc, double temperatureC, double stepS) {
        chunk.add(soc, temperatureC + 273.15, stepS);
    }

    @Override
    public boolean chunkComplete() {
        return chunk.seconds >= CHUNK_S - 1e-6;
    }

    @Override
    public void applyChunk(List<? extends Cohort> cohorts) {
        if (chunk.seconds <= 0) {
            return;
        }
        chunk.closeSample();
        double days = chunk.seconds / 86_400;
        double hours = chunk.seconds / 3600;
        double dod = chunk.socMax - chunk.socMin;
        double cRate = chunk.absDeltaSoc / hours;
        if (cRate < 0.01) {
            cRate = 0;
        }
        double kCal = chunk.kCalIntegral / chunk.sampledSeconds;
        double kCyc = (4.38e-8 + 1.55e-8 * dod + 1.68e-7 * cRate) * chunk.tempFactorIntegral / chunk.sampledSeconds;
        validity.check(dod, cRate, chunk.kelvinMin, chunk.kelvinMax, chunk.absDeltaSoc > 0);
        for (Cohort c : cohorts) {
            State s = (State) c;
            double deltaEfc = chunk.absDeltaSoc / 2 * s.relativeCapacity();
            s.qLossCalendar += PowerLawState.increment(s.qLossCalendar, days, kCal, P_CAL);
            s.qLossCycling += PowerLawState.increment(s.qLossCycling, deltaEfc, kCyc, P_CYC);
            s.efc += deltaEfc;
        }
        daysApplied += days;
        chunk.restart();
    }

    @Override
    public double daysApplied() {
        return daysApplied;
    }

    @Override
    public List<String> validityWarnings() {
        return validity.warnings();
    }

    /** Calendar and cycling losses of one cohort. */
    static final class State implements Cohort {
        double qLossCalendar;
        double qLossCycling;
        double efc;

        @Override
        public double relativeCapacity() {
            return Math.max(0, 1 - qLossCalendar - qLossCycling);
        }
    }

    /** Stressors of the chunk being accumulated; the k_cal integrand is sampled every minute. */
    private static final class Chunk {
        double seconds;
        double socMin = Double.POSITIVE_INFINITY;
        double socMax = Double.NEGATIVE_INFINITY;
        double absDeltaSoc;
        double kCalIntegral;
        double tempFactorIntegral;
        double sampledSeconds;
        double kelvinMin = Double.POSITIVE_INFINITY;
        double kelvinMax = Double.NEGATIVE_INFINITY;

        private boolean started;
        private double lastSoc;
        private double sinceSample;
        private double lastKCal;
        private double lastTempFactor;
        private double soc;
        private double kelvin;
        private double kCalSoc = Double.NaN;
        private double kCalKelvin = Double.NaN;
        private double kCalValue;
        private double tempFactorKelvin = Double.NaN;
        private double tempFactorValue;

        void add(double soc, double kelvin, double stepS) {
            if (!started) {
                // the first sample opens the chunk: the state before the first step
                started = true;
                lastSoc = soc;
                sample(soc, kelvin);
            }
            absDeltaSoc += Math.abs(soc - lastSoc);
            lastSoc = soc;
            if (soc < socMin) {
                socMin = soc;
            }
            if (soc > socMax) {
                socMax = soc;
            }
            this.soc = soc;
            this.kelvin = kelvin;
            seconds += stepS;
            sinceSample += stepS;
            if (sinceSample >= SAMPLE_S - 1e-9) {
                closeSample();
            }
        }

        /** Trapezoid from the last sample to now. */
        void closeSample() {
            if (sinceSample <= 0) {
                return;
            }
            double kc = kCalNow();
            double tf = temperatureFactorNow();
            kCalIntegral += (lastKCal + kc) / 2 * sinceSample;
            tempFactorIntegral += (lastTempFactor + tf) / 2 * sinceSample;
            sampledSeconds += sinceSample;
            lastKCal = kc;
            lastTempFactor = tf;
            kelvinMin = Math.min(kelvinMin, kelvin);
            kelvinMax = Math.max(kelvinMax, kelvin);
            sinceSample = 0;
        }

        /**
         * k_cal at the chunk's present state; SOC and temperature often hold from one sample to the
         * next (an idle battery, a steady container), and the tanh and exp terms are the costly part.
         */
        private double kCalNow() {
            if (soc != kCalSoc || kelvin != kCalKelvin) {
                kCalValue = kCal(kelvin, soc);
                kCalSoc = soc;
                kCalKelvin = kelvin;
            }
            return kCalValue;
        }

        private double temperatureFactorNow() {
            if (kelvin != tempFactorKelvin) {
                tempFactorValue = temperatureFactor(kelvin);
                tempFactorKelvin = kelvin;
            }
            return tempFactorValue;
        }

        private void sample(double soc, double kelvin) {
            this.soc = soc;
            this.kelvin = kelvin;
            lastKCal = kCalNow();
            lastTempFactor = temperatureFactorNow();
            socMin = soc;
            socMax = soc;
            kelvinMin = kelvin;
            kelvinMax = kelvin;
        }

        /** The next chunk starts from the state at the end of this one. */
        void restart() {
            seconds = 0;
            absDeltaSoc = 0;
            kCalIntegral = 0;
            tempFactorIntegral = 0;
            sampledSeconds = 0;
            socMin = lastSoc;
            socMax = lastSoc;
            kelvinMin = kelvin;
            kelvinMax = kelvin;
        }
    }

    /** Remembers where the duty left the fitted range, once per kind. */
    private static final class Validity {
        private double tMinSeen = Double.POSITIVE_INFINITY;
        private double tMaxSeen = Double.NEGATIVE_INFINITY;
        private double dodMinSeen = Double.POSITIVE_INFINITY;
        private double cRateMaxSeen;

        void check(double dod, double cRate, double kelvinMin, double kelvinMax, boolean cycling) {
            if (cycling) {
                tMinSeen = Math.min(tMinSeen, kelvinMin - 273.15);
                tMaxSeen = Math.max(tMaxSeen, kelvinMax - 273.15);
                dodMinSeen = Math.min(dodMinSeen, dod);
            }
            cRateMaxSeen = Math.max(cRateMaxSeen, cRate);
        }

        List<String> warnings() {
            List<String> w = new ArrayList<>();
            if (tMinSeen < 10 || tMaxSeen > 45) {
                w.add(String.format(
                        java.util.Locale.ROOT,
                        "cycling at %.1f..%.1f °C: %s is fitted for 10..45 °C",
                        tMinSeen,
                        tMaxSeen,
                        NAME));
            }
            if (dodMinSeen < 0.8) {
                w.add(String.format(
                        java.util.Locale.ROOT,
                        "daily depth of discharge down to %.2f: %s is fitted for 0.8..1",
                        dodMinSeen,
                        NAME));
            }
            if (cRateMaxSeen > 0.65) {
                w.add(String.format(
                        java.util.Locale.ROOT,
                        "mean C-rate of a day up to %.2f: %s is fitted for "
                                + "charge at most 0.65 C and discharge at most 1 C",
                        cRateMaxSeen,
                        NAME));
            }
            return w;
        }
    }
}
