package dev.chikuden.site;

import dev.chikuden.config.ConfigNode;
import dev.chikuden.control.ControlChain;
import java.util.Locale;

/**
 * Makes {@code control:}, the control chain. Every field has a default from real practice (README,
 * "The control chain"); none is zero, so a study never assumes a controller that acts without lag
 * unless the site file says so.
 */
final class ControlSection {
    static final long DEFAULT_SUPERVISORY_MS = 1000;
    static final long DEFAULT_FAST_MS = 100;
    static final long DEFAULT_METER_DELAY_MS = 50;
    static final long DEFAULT_COMMAND_DELAY_MS = 50;
    static final double DEFAULT_TIME_CONSTANT_S = 0.150;
    static final long MAX_PERIOD_MS = 60_000;

    private ControlSection() {}

    /** The chain, null when the section has problems (they are reported at {@code at}). */
    static ControlChain read(SiteFile.Control c, ConfigNode at) {
        if (!at.clean()) {
            return null;
        }
        SiteFile.Control s = c != null ? c : new SiteFile.Control(null, null, null, null, null);
        long sup = period(
                s.supervisory() == null ? null : s.supervisory().period(),
                DEFAULT_SUPERVISORY_MS,
                at.get("supervisory").get("period"));
        long fast = period(
                s.fast() == null ? null : s.fast().period(),
                DEFAULT_FAST_MS,
                at.get("fast").get("period"));
        if (!at.get("fast").get("period").given() && sup < fast) {
            fast = sup; // a supervisory loop faster than the default fast one: the fast loop follows it
        }
        long meter = delay(s.meterDelay(), DEFAULT_METER_DELAY_MS, at.get("meterDelay"));
        long command = delay(s.commandDelay(), DEFAULT_COMMAND_DELAY_MS, at.get("commandDelay"));
        SiteFile.Converter conv = s.converter();
        double tau = conv == null || conv.timeConstant() == null ? DEFAULT_TIME_CONSTANT_S : conv.timeConstant();
        if (tau > ControlChain.MAX_DELAY_MS / 1000.0) {
            at.get("converter")
                    .get("timeConstant")
                    .problem("\"" + at.get("converter").get("timeConstant").text()
                            + "\" is longer than " + ControlChain.MAX_DELAY_MS / 1000 + " s; a converter follows its "
                            + "setpoint within a second or so");
        }
        double ramp = conv == null || conv.ramp() == null ? Double.POSITIVE_INFINITY : conv.ramp();
        if (fast > sup && at.clean()) {
            at.get("fast")
                    .get("period")
                    .problem("\"" + at.get("fast").get("period").text()
                            + "\" is slower than the supervisory period (" + sup
                            + " ms); the fast loop runs at least as "
                            + "often as the EMS");
        }
        String hostText =
                s.fast() == null || s.fast().host() == null ? "ems" : s.fast().host();
        ControlChain.FastHost host = ControlChain.FastHost.valueOf(hostText.toUpperCase(Locale.ROOT));
        return at.clean() ? new ControlChain(sup, fast, host, meter, command, tau, ramp) : null;
    }

    private static long period(Double seconds, long defaultMs, ConfigNode at) {
        if (seconds == null) {
            return defaultMs;
        }
        long ms = Math.round(seconds * 1000);
        if (ms < ControlChain.MIN_PERIOD_MS || ms > MAX_PERIOD_MS || Math.abs(seconds * 1000 - ms) > 1e-6) {
            at.problem("\"" + at.text() + "\" must be whole milliseconds within " + ControlChain.MIN_PERIOD_MS
                    + " ms .. " + MAX_PERIOD_MS / 1000 + " s");
        }
        return ms;
    }

    private static long delay(Double seconds, long defaultMs, ConfigNode at) {
        if (seconds == null) {
            return defaultMs;
        }
        long ms = Math.round(seconds * 1000);
        if (ms > ControlChain.MAX_DELAY_MS || Math.abs(seconds * 1000 - ms) > 1e-6) {
            at.problem("\"" + at.text() + "\" must be whole milliseconds within 0 .. "
                    + ControlChain.MAX_DELAY_MS / 1000 + " s");
        }
        return ms;
    }
}
