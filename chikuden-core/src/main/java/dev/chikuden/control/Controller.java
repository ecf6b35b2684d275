package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;

/**
 * Decides the battery's power for the next step. The same object runs in a planning study and in
 * the live service; it sees only {@link Measurements} and a read-only {@link BatteryView}, and
 * what it answers is clamped to the battery's limits by whoever applies it.
 */
public interface Controller {
    /** Identifies the controller in results and explanations. */
    String name();

    /** The requested net battery power in kW ({@code > 0} discharge, {@code < 0} charge). */
    double requestKw(Measurements m, BatteryView battery);

    /** The net battery power actually applied after the request (limits may have cut it). */
    default void applied(double batteryKw, Measurements m) {}

    /** How often each part of this controller decided the request; empty when it has no parts. */
    default java.util.Map<String, Double> bindingShare() {
        return java.util.Map.of();
    }

    /** What the controller sold in the balancing market; null when it trades no reserve. */
    default dev.chikuden.market.ReserveSales reserveSales() {
        return null;
    }

    /** A controller that never asks for anything. */
    Controller IDLE = new Controller() {
        @Override
        public String name() {
            return "idle";
        }

        @Override
        public double requestKw(Measurements m, BatteryView battery) {
            return 0;
        }
    };
}
