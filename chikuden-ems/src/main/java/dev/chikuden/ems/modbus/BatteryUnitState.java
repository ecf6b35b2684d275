package dev.chikuden.ems.modbus;

/** The operating state a battery unit reports (SunSpec-style). */
public enum BatteryUnitState {
    OFF,
    STANDBY,
    RUNNING,
    FAULT,
    UNKNOWN
}
