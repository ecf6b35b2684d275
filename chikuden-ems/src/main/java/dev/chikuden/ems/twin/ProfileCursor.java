package dev.chikuden.ems.twin;

import dev.chikuden.profile.Profile;
import java.util.function.Supplier;

/**
 * A study profile read forward step by step, a chunk at a time, as the simulator's site time runs:
 * nothing is generated ahead of need, so a week of 1-s steps costs nothing to start. Going back
 * (the site time wrapped to the study start) starts a fresh profile, since profiles are sequential.
 */
final class ProfileCursor {
    private static final int CHUNK = 1024;

    private final Supplier<Profile> factory;
    private final long steps;
    private final double[] values = new double[CHUNK];
    private Profile profile;
    private long first;
    private int count;

    /**
     * @param factory makes the profile afresh, positioned at the study start
     * @param steps   the study's steps
     */
    ProfileCursor(Supplier<Profile> factory, long steps) {
        this.factory = factory;
        this.steps = steps;
    }

    /** The value of study step {@code step} (0 .. steps - 1). */
    double at(long step) {
        if (step >= first && step < first + count) {
            return values[(int) (step - first)];
        }
        if (profile == null || step < first) {
            profile = factory.get();
            first = 0;
            count = 0;
        }
        while (step >= first + count) {
            first += count;
            count = (int) Math.min(CHUNK, steps - first);
            profile.fill(first, values, count);
        }
        return values[(int) (step - first)];
    }
}
