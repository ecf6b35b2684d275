package dev.chikuden.trace;

import java.util.Locale;

/** How a trace file is written. */
public enum TraceFormat {
    /** A power series: a time and power values, at any (also irregular) step. */
    POWER,
    /** nvidia-smi's CSV query log: one row per GPU and poll, watts. */
    NVIDIA_SMI,
    /** A meter's interval energy: the kWh of each 15-, 30- or 60-minute interval, in rows or one row per day. */
    ENERGY,
    /** Any other measured series (temperature, irradiance, state of charge), read as written. */
    VALUES;

    /** As written in files and options: power, nvidia-smi, energy, values. */
    public String key() {
        return this == NVIDIA_SMI ? "nvidia-smi" : name().toLowerCase(Locale.ROOT);
    }

    public static TraceFormat of(String key) {
        for (TraceFormat f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no format " + key);
    }
}
