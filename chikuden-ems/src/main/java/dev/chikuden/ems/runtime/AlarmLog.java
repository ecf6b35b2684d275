package dev.chikuden.ems.runtime;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's alarms: active ones and the history of cleared ones (the newest
 * {@value #KEPT_CLEARED}, so a flapping device cannot grow it without bound). Raised and cleared
 * only on transitions, so the cycle touches it rarely; every transition is logged.
 */
final class AlarmLog {
    static final int KEPT_CLEARED = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AlarmLog.class);

    private static final class Entry {
        final long id;
        Alarm alarm;

        Entry(long id, Alarm alarm) {
            this.id = id;
            this.alarm = alarm;
        }
    }

    /** In the order raised. */
    private final List<Entry> entries = new ArrayList<>();

    private long nextId;
    private int cleared;
    private volatile int active;

    /** Raises an alarm; returns its id for {@link #clear}. */
    synchronized long raise(String code, String source, String message, long epochMs) {
        long id = nextId++;
        entries.add(new Entry(id, new Alarm(code, source, message, epochMs, 0)));
        active++;
        LOG.warn("alarm {} from {}: {}", code, source, message);
        return id;
    }

    /** Clears the alarm {@code id} (nothing when it is not active). */
    synchronized void clear(long id, long epochMs) {
        for (Entry e : entries) {
            if (e.id == id && e.alarm.active()) {
                e.alarm = e.alarm.cleared(Math.max(1, epochMs)); // 0 would read as active
                active--;
                cleared++;
                LOG.info("alarm {} from {} cleared", e.alarm.code(), e.alarm.source());
                dropOldCleared();
                return;
            }
        }
    }

    private void dropOldCleared() {
        for (int i = 0; cleared > KEPT_CLEARED && i < entries.size(); ) {
            if (!entries.get(i).alarm.active()) {
                entries.remove(i);
                cleared--;
            } else {
                i++;
            }
        }
    }

    int activeCount() {
        return active;
    }

    /** Active alarms first, then (when asked) cleared ones; newest first in each group. */
    synchronized List<Alarm> list(boolean includeCleared) {
        List<Alarm> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).alarm.active()) {
                out.add(entries.get(i).alarm);
            }
        }
        if (includeCleared) {
            List<Alarm> done = new ArrayList<>();
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (!entries.get(i).alarm.active()) {
                    done.add(entries.get(i).alarm);
                }
            }
            done.sort((a, b) -> Long.compare(b.clearedEpochMs(), a.clearedEpochMs())); // stable: ties stay newest first
            out.addAll(done);
        }
        return out;
    }
}
