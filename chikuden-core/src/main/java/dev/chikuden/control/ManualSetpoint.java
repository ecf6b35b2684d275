package dev.chikuden.control;

import dev.chikuden.battery.BatteryView;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An operator's setpoint: until it expires the battery runs at {@code kw} as far as higher layers
 * allow ({@code narrow(kw, kw)}, so lower layers cannot move it). Expiry makes a forgotten manual
 * override end by itself.
 *
 * <p>Thread-safe without locks: the live service calls {@link #set} and {@link #clear} from an HTTP
 * thread while the control loop runs. The setpoint and its expiry travel together in one immutable
 * holder behind a volatile field, so the loop never sees a power with another setpoint's expiry.
 */
public final class ManualSetpoint implements ControlLayer {
    /** A held setpoint: battery power ({@code > 0} discharge) until the expiry (UTC ms). */
    public record Setpoint(double kw, long expiresAtEpochMs) {}

    private static final VarHandle CURRENT;

    static {
        try {
            CURRENT = MethodHandles.lookup().findVarHandle(ManualSetpoint.class, "current", Setpoint.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Setpoint current;

    @Override
    public String name() {
        return "manual";
    }

    /** Holds the battery at {@code kw} ({@code > 0} discharge) until {@code expiresAtEpochMs} (UTC ms). */
    public void set(double kw, long expiresAtEpochMs) {
        if (!Double.isFinite(kw)) {
            throw new IllegalArgumentException("kw must be finite, was " + kw);
        }
        current = new Setpoint(kw, expiresAtEpochMs);
    }

    public void clear() {
        current = null;
    }

    /** The setpoint held, or null (it may already be past its expiry until the next step). */
    public Setpoint held() {
        return current;
    }

    /** Whether a setpoint is held (it may already be past its expiry until the next step). */
    public boolean isSet() {
        return current != null;
    }

    @Override
    public void control(Measurements m, BatteryView battery, PowerWindow window) {
        Setpoint s = current;
        if (s == null) {
            return;
        }
        if (m.epochMs() >= s.expiresAtEpochMs()) {
            // only this expired one: a setpoint the operator sets meanwhile must survive
            CURRENT.compareAndSet(this, s, null);
            return;
        }
        window.narrow(s.kw(), s.kw());
        window.prefer(s.kw());
    }
}
