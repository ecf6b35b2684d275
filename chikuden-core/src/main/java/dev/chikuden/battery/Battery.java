package dev.chikuden.battery;

/**
 * A battery the simulation (or the live service) drives. It enforces its own limits: whatever is
 * requested, the power it answers lies within them and its SOC stays in its window.
 */
public interface Battery extends BatteryView {
    /**
     * Applies {@code requestKw} (net AC, {@code > 0} discharge) for {@code stepS} seconds, within
     * the limits, and returns the net AC power actually delivered.
     */
    double apply(double requestKw, double stepS);

    /** The energy accounts since construction. */
    BatteryLedger ledger();

    /** How the battery has aged so far. */
    BatteryHealth health();

    /** The air temperature around the battery for the next step (drives its thermal and aging models). */
    void setAmbientC(double temperatureC);

    /** The absence of a battery: it can do nothing and draws nothing. */
    Battery NONE = new Battery() {
        @Override
        public double apply(double requestKw, double stepS) {
            return 0;
        }

        @Override
        public BatteryLedger ledger() {
            return BatteryLedger.EMPTY;
        }

        @Override
        public BatteryHealth health() {
            return BatteryHealth.NEW;
        }

        @Override
        public void setAmbientC(double temperatureC) {
            // nothing to warm
        }

        @Override
        public double cellTemperatureC() {
            return Double.NaN;
        }

        @Override
        public double auxiliaryKw() {
            return 0;
        }

        @Override
        public double soc() {
            return Double.NaN;
        }

        @Override
        public double storedEnergyKwh() {
            return 0;
        }

        @Override
        public double capacityKwh() {
            return 0;
        }

        @Override
        public double socMin() {
            return Double.NaN;
        }

        @Override
        public double socMax() {
            return Double.NaN;
        }

        @Override
        public double stateOfHealth() {
            return Double.NaN;
        }

        @Override
        public double maxDischargeKw(double stepS) {
            return 0;
        }

        @Override
        public double maxChargeKw(double stepS) {
            return 0;
        }
    };
}
