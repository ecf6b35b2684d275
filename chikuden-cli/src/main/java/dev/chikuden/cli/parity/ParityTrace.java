package dev.chikuden.cli.parity;

/**
 * One side's grid, load and battery power over the window, one mean per study step ({@code > 0}
 * import, discharge), and the battery's SOC at the window's start and end.
 */
record ParityTrace(double[] gridKw, double[] loadKw, double[] batteryKw, double socStart, double socEnd) {}
