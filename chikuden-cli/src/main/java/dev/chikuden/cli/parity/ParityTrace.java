package dev.chikuden.cli.parity;

/**
 * One side's grid, load and battery power over the window, one mean per study step ({@code > 0}
 * import, discharge), and the battery's SOC at the window's start and end.
 *
 * @param controlFromMs when control took over, ms from the run's start (its lead-in): live, the
 *                      first command that reached a converter; 0 for a study, whose loops start
 *                      with it
 */
record ParityTrace(
        double[] gridKw, double[] loadKw, double[] batteryKw, double socStart, double socEnd, long controlFromMs) {
    ParityTrace(double[] gridKw, double[] loadKw, double[] batteryKw, double socStart, double socEnd) {
        this(gridKw, loadKw, batteryKw, socStart, socEnd, 0);
    }

    ParityTrace controlFrom(long ms) {
        return new ParityTrace(gridKw, loadKw, batteryKw, socStart, socEnd, ms);
    }
}
