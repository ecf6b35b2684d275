package dev.chikuden.ems.device;

/** The operating state a battery unit reports (SunSpec-style). */
public enum UnitState {
    OFF, STANDBY, RUNNING, FAULT, UNKNOWN
}
