package dev.chikuden.fleet.service;

import dev.chikuden.control.FleetOffer;
import java.util.List;

/**
 * One dispatch cycle as the fleet saw and decided it: what each site offered and last reported, and
 * what it was asked.
 *
 * @param cycle numbers the fleet's cycles from 1
 * @param requestId the portfolio request being served, 0 for none
 * @param source who asked: {@code api}, or {@code openadr:EVENT_ID}; null for none
 * @param requestedKw that request's power (0 for none)
 * @param metKw what the split asked of the sites together
 * @param deliveredKw the battery power the fresh sites reported last, together
 */
public record FleetCycle(
        long cycle,
        long epochMs,
        long requestId,
        String source,
        double requestedKw,
        double metKw,
        double deliveredKw,
        List<Site> sites) {
    public FleetCycle {
        sites = List.copyOf(sites);
    }

    /**
     * @param fresh whether the site spoke within the staleness window
     * @param offer its last offer (null before one)
     * @param askedKw what it was asked this cycle (NaN when not asked)
     * @param batteryKw its last reported battery power
     * @param soc its last reported SOC
     * @param gridKw its last reported grid power
     * @param lastSeq the last record number received from it
     */
    public record Site(
            String id,
            boolean fresh,
            FleetOffer offer,
            double askedKw,
            double batteryKw,
            double soc,
            double gridKw,
            long lastSeq) {}
}
