package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * One controller in a {@link ControllerStack}: it sees the measurements and a read-only battery,
 * and narrows the {@link PowerWindow} or states a preference inside it. The same object runs in a
 * planning study and in the live service.
 */
public interface ControlLayer {
    /** Identifies the layer in explanations and binding shares. */
    String name();

    void control(Measurements m, BatteryView battery, PowerWindow window);

    /** The loop this layer runs in unless the site file says otherwise. */
    default ControlLoop loop() {
        return ControlLoop.SUPERVISORY;
    }

    /** The net battery power actually applied in the step just controlled (for layers with state). */
    default void applied(double batteryKw, Measurements m) {}
}
