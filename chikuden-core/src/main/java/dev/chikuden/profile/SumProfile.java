package dev.chikuden.profile;

import java.util.List;

/** The sum of several profiles (several loads at one site). */
public final class SumProfile implements Profile {
    private final Profile[] parts;
    private double[] scratch = new double[0];

    private SumProfile(List<Profile> parts) {
        this.parts = parts.toArray(new Profile[0]);
    }

    public static Profile of(List<Profile> parts) {
        if (parts.isEmpty()) {
            return Profile.ZERO;
        }
        return parts.size() == 1 ? parts.get(0) : new SumProfile(parts);
    }

    @Override
    public void fill(long firstStep, double[] out, int count) {
        parts[0].fill(firstStep, out, count);
        if (scratch.length < count) {
            scratch = new double[count];
        }
        for (int p = 1; p < parts.length; p++) {
            parts[p].fill(firstStep, scratch, count);
            for (int i = 0; i < count; i++) {
                out[i] += scratch[i];
            }
        }
    }
}
