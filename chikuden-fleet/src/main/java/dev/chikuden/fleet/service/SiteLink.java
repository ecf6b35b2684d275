package dev.chikuden.fleet.service;

import dev.chikuden.ems.fleet.FleetMessages.EdgeRecord;
import dev.chikuden.ems.fleet.FleetMessages.Hello;

/**
 * What the fleet knows of one site and its connection. Guarded by the service's lock: the sockets'
 * threads and the dispatch cycle both update it.
 */
final class SiteLink {
    final String id;
    final String token;
    EdgeSession session;
    Hello hello;
    /** The highest record number received, every earlier one received too; -1 before the first. */
    long lastSeq = -1;
    /** Records received in order, over the service's life. */
    long received;
    /** Records that arrived after a gap: lost on the way (0 unless the site's buffer overflowed). */
    long missing;

    EdgeRecord last;
    /** The fleet cycle whose period last brought a record: stale {@code staleCycles} cycles later. */
    long heardCycle = Long.MIN_VALUE / 2;
    /** The last setpoint the site acknowledged, and when. */
    long ackedId;

    long ackedAtNanos;

    SiteLink(String id, String token) {
        this.id = id;
        this.token = token;
    }

    boolean fresh(long cycle, int staleCycles) {
        return last != null && cycle - heardCycle < staleCycles;
    }

    /** Takes a record in order; a duplicate of one already held is dropped. Returns whether it was new. */
    boolean take(EdgeRecord r, long cycle) {
        if (r.seq() <= lastSeq) {
            return false;
        }
        // the first record after the fleet's start may follow records a previous fleet acknowledged
        if (lastSeq >= 0 && r.seq() > lastSeq + 1) {
            missing += r.seq() - lastSeq - 1;
        }
        lastSeq = r.seq();
        received++;
        last = r;
        heardCycle = cycle;
        return true;
    }
}
