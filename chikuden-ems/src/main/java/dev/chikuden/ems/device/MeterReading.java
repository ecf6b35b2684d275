package dev.chikuden.ems.device;

/**
 * One reading of the grid meter at the point of connection.
 *
 * @param gridKw      active power, {@code > 0} import
 * @param frequencyHz grid frequency
 * @param importKwh   the meter's import energy counter
 * @param exportKwh   the meter's export energy counter
 * @param epochMs     when the reading completed (UTC ms)
 */
public record MeterReading(double gridKw, double frequencyHz, double importKwh, double exportKwh, long epochMs)
        implements DeviceReading {}
