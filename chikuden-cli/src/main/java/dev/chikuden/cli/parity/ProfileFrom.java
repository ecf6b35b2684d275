package dev.chikuden.cli.parity;

import dev.chikuden.profile.Profile;

/**
 * A study profile read from step {@code offset} on: the site's models draw their jobs, failures and
 * noise from the study start, so a window's load is the full period's load sliced, not a model
 * started afresh at the window. Skips the steps before once, reading them forward as profiles are
 * read.
 */
final class ProfileFrom implements Profile {
    private final Profile full;
    private final long offset;
    private long next;

    ProfileFrom(Profile full, long offset) {
        this.full = full;
        this.offset = offset;
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        long from = offset + firstStep;
        double[] skip = null;
        while (next < from) {
            if (skip == null) {
                skip = new double[8192];
            }
            int n = (int) Math.min(skip.length, from - next);
            full.fill(next, skip, n);
            next += n;
        }
        full.fill(from, out, count);
        next = from + count;
    }
}
