package dev.chikuden.site;

import dev.chikuden.pv.PvSystem;
import dev.chikuden.time.FixedStepSeries;
import java.nio.file.Path;

/**
 * PV from an hourly weather file ({@code pv: {type: weather}}): each column read and averaged onto
 * the same whole hours, irradiance in W/m², temperature in °C; a column the site file does not name
 * is null.
 *
 * @param file        the weather file, resolved against the site file's folder
 * @param temperature air temperature; null for a constant 25 °C
 */
public record WeatherPvSpec(
        Path file,
        FixedStepSeries ghi,
        FixedStepSeries dni,
        FixedStepSeries dhi,
        FixedStepSeries poa,
        FixedStepSeries temperature,
        PvSystem system)
        implements PvSpec {}
