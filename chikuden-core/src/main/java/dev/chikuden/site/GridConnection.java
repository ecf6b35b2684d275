package dev.chikuden.site;

/**
 * The site's connection to the grid.
 *
 * @param contractKw  contracted demand (kW)
 * @param voltage     supply voltage class
 * @param frequencyHz nominal grid frequency: 50 (east Japan) or 60 (west Japan, Kansai)
 */
public record GridConnection(double contractKw, VoltageClass voltage, double frequencyHz) {
}
