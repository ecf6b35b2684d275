package dev.chikuden.ems.device;

/** What a device answers to one read: a battery unit's reading or the grid meter's. */
public sealed interface DeviceReading permits BessReading, MeterReading {
    /** When the reading completed (UTC ms). */
    long epochMs();
}
