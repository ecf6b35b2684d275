package dev.chikuden.control;

/**
 * Where a layer of a {@link ControllerStack} runs. Real plants split control in two: a plant
 * controller (or the converters' own loop) acts on the grid meter every 10 to 100 ms, the EMS
 * supervises every second or so and hands the fast loop what it decided.
 */
public enum ControlLoop {
    /** The plant loop: acts on sub-second signals (load drops, ramps, frequency). */
    FAST("fast"),
    /** The EMS cycle: demand slots, reserve, schedules, markets. */
    SUPERVISORY("supervisory");

    private final String type;

    ControlLoop(String type) {
        this.type = type;
    }

    /** The name the site file gives this loop. */
    public String type() {
        return type;
    }
}
