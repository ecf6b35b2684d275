package dev.chikuden.load.trace;

import dev.chikuden.BadInputException;
import dev.chikuden.time.FixedStepSeries;
import java.util.SplittableRandom;

/**
 * Scales the power trace of one node to a campus of {@code nodes} such nodes. Without
 * desynchronisation every node runs in phase: the campus is {@code nodes} times the node. With a
 * window, each node starts at a random time offset within it, so the swings of the nodes do not
 * add up in phase.
 *
 * <p>Approximation: the nodes are placed in at most {@value #MAX_GROUPS} groups, each with an
 * equal share of {@code nodes} and one offset (stratified: group {@code g} of {@code G} draws its
 * offset uniformly in {@code [g, g + 1) * window / G}), rounded to whole steps of the trace. A
 * campus of 10,000 nodes thus costs at most 64 passes over the trace, once, and nothing per study
 * step. Offsets wrap around the end of the trace (node {@code k} at time {@code t} plays the node
 * trace at {@code t + offset}, modulo its length), so the campus keeps the node's energy exactly;
 * the last {@code window} of the trace reappears at its start.
 *
 * @param nodes            how many nodes the trace stands for, at least 1
 * @param desynchroniseMs  the window of the offsets; 0 for nodes in phase
 * @param seed             of the offsets
 */
public record NodeScaling(long nodes, long desynchroniseMs, long seed) {
    /** Offset groups of a desynchronised campus. */
    public static final int MAX_GROUPS = 64;

    /** One node, as recorded. */
    public static final NodeScaling ONE = new NodeScaling(1, 0, 1);

    public NodeScaling {
        if (nodes < 1 || desynchroniseMs < 0) {
            throw new IllegalArgumentException("nodes must be at least 1 and the window not negative, were " + nodes
                    + " and " + desynchroniseMs + " ms");
        }
    }

    /**
     * The campus made of {@code node}; {@code source} names the trace in errors.
     *
     * @throws BadInputException when the window is shorter than the trace's step or not shorter than
     *                           the trace (offsets are whole steps within the trace)
     */
    public FixedStepSeries campus(String source, FixedStepSeries node) {
        double[] weights = offsetWeights(source, node.stepMs(), node.size());
        double[] values = node.values();
        double[] out = new double[values.length];
        for (int offset = 0; offset < weights.length; offset++) {
            double w = weights[offset];
            if (w == 0) {
                continue;
            }
            int n = values.length - offset;
            for (int i = 0; i < n; i++) {
                out[i] += w * values[i + offset];
            }
            for (int i = n; i < values.length; i++) {
                out[i] += w * values[i - n];
            }
        }
        return new FixedStepSeries(node.startEpochMs(), node.stepMs(), out);
    }

    /** How many nodes play the trace shifted by each whole number of steps; they sum to {@link #nodes}. */
    private double[] offsetWeights(String source, long stepMs, int size) {
        if (desynchroniseMs == 0) {
            return new double[] {nodes};
        }
        if (desynchroniseMs < stepMs) {
            throw new BadInputException(source + ": desynchronise " + desynchroniseMs + " ms is shorter than the "
                    + "trace's step of " + stepMs + " ms; offsets are whole steps, so give at least one step "
                    + "or leave desynchronise out for nodes in phase");
        }
        int maxOffset = (int) Math.min(Integer.MAX_VALUE, desynchroniseMs / stepMs);
        if (maxOffset >= size) {
            throw new BadInputException(source + ": desynchronise " + desynchroniseMs + " ms is not shorter than "
                    + "the trace (" + size + " steps of " + stepMs + " ms); give a longer trace or a shorter window");
        }
        int groups = (int) Math.min(MAX_GROUPS, nodes);
        double share = (double) nodes / groups;
        double[] weights = new double[maxOffset + 1];
        SplittableRandom random = new SplittableRandom(seed);
        for (int g = 0; g < groups; g++) {
            double offsetMs = (g + random.nextDouble()) / groups * desynchroniseMs;
            weights[(int) Math.min(maxOffset, Math.round(offsetMs / stepMs))] += share;
        }
        return weights;
    }
}
