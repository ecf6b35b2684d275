package dev.chikuden.cli;

/** The unit of a power column, as {@code --unit} names it. */
enum PowerUnit {
    W(1e-3),
    kW(1),
    MW(1e3),
    GW(1e6);

    final double toKw;

    PowerUnit(double toKw) {
        this.toKw = toKw;
    }
}
