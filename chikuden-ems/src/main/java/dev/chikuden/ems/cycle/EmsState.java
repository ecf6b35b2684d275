package dev.chikuden.ems.cycle;

import java.util.Locale;

/** Where the live service stands; the API writes it in lower case. */
public enum EmsState {
    /** Connecting to the devices; no setpoint written yet. */
    STARTING,
    /** Every device answers; the controller stack decides the battery power. */
    RUNNING,
    /** A device is silent or a write failed: the batteries hold the safe setpoint until all answer again. */
    SAFE,
    /** Shut down; the safe setpoint was written on the way out. */
    STOPPED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
