package dev.chikuden.profile;

import java.util.List;

/** The sum of several profiles (several loads at one site). */
public final class SumProfile implements PowerProfile {
    private final PowerProfile[] parts;
    private double[] scratch = new double[0];

    private SumProfile(List<PowerProfile> parts) {
        this.parts = parts.toArray(new PowerProfile[0]);
    }

    public static PowerProfile of(List<PowerProfile> parts) {
        if (parts.isEmpty()) {
            return PowerProfile.ZERO;
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
