package dev.chikuden.ems.fleet;

import dev.chikuden.control.FleetOffer;
import java.util.List;

/**
 * The link's messages, each the {@code params} or {@code result} of an {@link Rpc}. Powers in kW
 * ({@code > 0} discharge for a battery, {@code > 0} import for the grid), energies in kWh, times UTC ms.
 */
public final class FleetMessages {
    private FleetMessages() {}

    /** Site to fleet, first on every connection: who it is, and the limits the fleet's checks use. */
    public static final String HELLO = "hello";

    /** Site to fleet: cycle records, oldest first; answered with {@link Ack}. */
    public static final String RECORDS = "records";

    /**
     * Fleet to site, a notification: the energy prices its VTN signals ({@link Prices}), the whole set,
     * for the site's optimising layers to plan with.
     */
    public static final String PRICES = "prices";

    /** Fleet to site: hold a battery power until the expiry; answered with {@link SetpointAck}. */
    public static final String SETPOINT = "setpoint";

    /**
     * @param boot names this run of the site's service: records are numbered from 0 in each, so the
     *     fleet starts counting afresh when it changes
     * @param ratedChargeKw the batteries' summed charge rating
     * @param ratedDischargeKw the batteries' summed discharge rating
     * @param contractKw the contract's import limit, or 0 without one
     */
    public record Hello(
            String site, String token, long boot, double ratedChargeKw, double ratedDischargeKw, double contractKw) {}

    /** The highest record number the fleet holds from this site (-1: none); the site resends what follows. */
    public record Ack(long lastSeq) {}

    /**
     * One supervisory cycle of the site, numbered without gaps from the service's start.
     *
     * @param offer what the layers above the fleet's left it this cycle; null before the first pass
     * @param requestId the fleet request the site held this cycle, 0 for none
     * @param requestKw that request's power (0 for none)
     */
    public record EdgeRecord(
            long seq,
            long epochMs,
            String state,
            double gridKw,
            double loadKw,
            double batteryKw,
            double setpointKw,
            double soc,
            FleetOffer offer,
            long requestId,
            double requestKw) {}

    public record Records(List<EdgeRecord> records) {}

    public record Prices(List<dev.chikuden.control.PriceSignals.Interval> intervals) {}

    /**
     * Hold {@code kw} for {@code holdMs} from its arrival, by the site's own clock and never longer
     * than the site's {@code ems.fleet.maxHold}; {@code holdMs <= 0} ends the request held at once.
     */
    public record Setpoint(long id, double kw, long holdMs) {}

    /** @param held whether the site holds it (false when it has no fleet layer or the request had expired) */
    public record SetpointAck(long id, boolean held) {}
}
