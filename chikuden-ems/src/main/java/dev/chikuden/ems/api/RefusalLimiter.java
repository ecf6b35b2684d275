package dev.chikuden.ems.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps unauthorised writes from filling the disk: per client address, the first refusal of each
 * 60-s window is logged (and fsynced) and the rest only counted; the count is logged as one line
 * when the client's next window opens or the service stops. Writes with the token are never
 * limited: their sender is known.
 */
final class RefusalLimiter {
    static final long WINDOW_MS = 60_000;
    /** Past this many clients, windows that have ended are let go on the next refusal. */
    private static final int MAX_CLIENTS = 10_000;

    /** A window that ended with refusals counted but not logged. */
    record Suppressed(String client, long windowStartMs, int count) {}

    private record Window(long startMs, int suppressed) {}

    private final Map<String, Window> windows = new HashMap<>();

    /**
     * Whether this refusal is to be logged; when it is, {@code ended} receives the count of the
     * client's previous window if that held refusals not logged.
     */
    synchronized boolean admit(String client, long nowMs, List<Suppressed> ended) {
        Window w = windows.get(client);
        if (w != null && nowMs - w.startMs() < WINDOW_MS) {
            windows.put(client, new Window(w.startMs(), w.suppressed() + 1));
            return false;
        }
        if (w != null && w.suppressed() > 0) {
            ended.add(new Suppressed(client, w.startMs(), w.suppressed()));
        }
        if (windows.size() >= MAX_CLIENTS) {
            windows.entrySet().removeIf(e -> {
                boolean over = nowMs - e.getValue().startMs() >= WINDOW_MS;
                if (over && e.getValue().suppressed() > 0) {
                    ended.add(new Suppressed(
                            e.getKey(), e.getValue().startMs(), e.getValue().suppressed()));
                }
                return over;
            });
        }
        windows.put(client, new Window(nowMs, 0));
        return true;
    }

    /** The counts not yet logged, for the service's stop. */
    synchronized List<Suppressed> drain() {
        List<Suppressed> out = new ArrayList<>();
        windows.forEach((client, w) -> {
            if (w.suppressed() > 0) {
                out.add(new Suppressed(client, w.startMs(), w.suppressed()));
            }
        });
        windows.clear();
        return out;
    }
}
