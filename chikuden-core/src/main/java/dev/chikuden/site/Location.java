package dev.chikuden.site;

/** Geographic position, degrees (north and east positive). */
public record Location(double latitudeDeg, double longitudeDeg) {}
