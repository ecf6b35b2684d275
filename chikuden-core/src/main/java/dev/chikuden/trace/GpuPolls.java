package dev.chikuden.trace;

import dev.chikuden.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GPU rows of an nvidia-smi log grouped into polls by GPU order: one row per GPU, in GPU
 * order, a poll ending where the order starts again (or, without a GPU column, every N rows). The
 * rows of one poll may straddle more than the polling period; a poll is timed at its earliest row
 * and its power is the sum of its GPUs. A GPU row missing from a poll, or unreadable, holds that
 * GPU's last value and is counted.
 */
final class GpuPolls {
    /** The polls in file order, and what the user should know about them. */
    record Polls(long[] epochMs, double[] kw, int[] lines, List<String> notes) {}

    private final Path file;
    private final long[] t;
    private final double[] v;
    private final int[] lines;
    /** Each row's GPU, or null when the log names no GPU. */
    private final int[] gpu;

    private final int n;
    private final Integer gpusOption;
    private final String idColumn;

    GpuPolls(Path file, long[] t, double[] v, int[] lines, int[] gpu, int n, Integer gpusOption, String idColumn) {
        this.file = file;
        this.t = t;
        this.v = v;
        this.lines = lines;
        this.gpu = gpu;
        this.n = n;
        this.gpusOption = gpusOption;
        this.idColumn = idColumn;
    }

    /**
     * GPU rows as polls: one row per GPU, in GPU order; a poll ends where the order starts
     * again. A GPU row missing from a poll, or unreadable, holds that GPU's last value.
     */
    Polls group() {
        if (n < 2) {
            throw new BadInputException(file + ": has " + n + " GPU row(s); a log needs at least two polls");
        }
        int gpus = gpusOption != null ? gpusOption : gpuCount();
        if (gpus < 1 || gpus > 1024) {
            throw new BadInputException(file + ": " + gpus + " GPUs per poll; expected 1 to 1024");
        }
        long period = pollPeriod(gpus);
        List<String> notes = new ArrayList<>();
        long[] pollTime = new long[n];
        double[] pollKw = new double[n];
        int[] pollLine = new int[n];
        double[] last = firstValues(gpus);
        double[] now = new double[gpus];
        boolean[] seen = new boolean[gpus];
        int polls = 0;
        long missingRows = 0;
        long repeated = 0;
        List<Integer> missingLines = new ArrayList<>();
        int i = 0;
        while (i < n) {
            Arrays.fill(seen, false);
            int start = i;
            long earliest = Long.MAX_VALUE; // the poll starts with its first GPU's query
            int prev = -1;
            while (i < n) {
                int g = gpu != null ? gpu[i] : (i - start);
                if (gpu == null && i - start == gpus) {
                    break;
                }
                if (g >= gpus) {
                    throw new BadInputException(file + ":" + lines[i] + ": GPU " + g + " in a log of " + gpus
                            + " GPUs per poll (give gpus: N if the first poll lacks some)");
                }
                if (i > start && (g < prev || (g == prev && t[i] - t[i - 1] > period / 2))) {
                    break;
                }
                if (seen[g]) {
                    repeated++;
                } else {
                    seen[g] = true;
                    now[g] = v[i];
                    earliest = Math.min(earliest, t[i]);
                }
                prev = g;
                i++;
            }
            double kw = 0;
            for (int g = 0; g < gpus; g++) {
                if (seen[g] && !Double.isNaN(now[g])) {
                    last[g] = now[g];
                } else if (!seen[g]) {
                    missingRows++;
                    if (missingLines.size() < 3) {
                        missingLines.add(lines[start]);
                    }
                }
                kw += last[g];
            }
            pollTime[polls] = earliest;
            pollKw[polls] = kw;
            pollLine[polls++] = lines[start];
        }
        if (missingRows > 0) {
            notes.add(missingRows + " GPU row(s) missing from their poll (polls starting on lines "
                    + missingLines.stream()
                            .map(String::valueOf)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")
                    + (missingRows > missingLines.size() ? ", ..." : "") + "); each GPU's last value held");
        }
        if (repeated > 0) {
            notes.add(repeated + " repeated GPU row(s) in a poll; the first kept");
        }
        notes.add(gpus + " GPUs per poll"
                + (gpusOption != null
                        ? " (option)"
                        : gpu != null
                                ? " (from \"" + idColumn + "\")"
                                : " (from the timing of the first polls; log the index "
                                        + "column to find missing rows)"));
        for (int k = 1; k < polls; k++) {
            if (pollTime[k] <= pollTime[k - 1]) {
                throw new BadInputException(file + ":" + pollLine[k] + ": the poll starting on this line is not "
                        + "later than the one before (line " + pollLine[k - 1] + "); rows must be in time order");
            }
        }
        if (polls < 2) {
            throw new BadInputException(file + ": has one poll; a log needs at least two");
        }
        return new Polls(
                Arrays.copyOf(pollTime, polls),
                Arrays.copyOf(pollKw, polls),
                Arrays.copyOf(pollLine, polls),
                List.copyOf(notes));
    }

    /** Each GPU's first readable value, held until the GPU reports (a first poll may lack a row). */
    private double[] firstValues(int gpus) {
        double[] first = new double[gpus];
        Arrays.fill(first, Double.NaN);
        int found = 0;
        for (int i = 0; i < n && found < gpus; i++) {
            int g = gpu != null ? gpu[i] : i % gpus;
            if (g < gpus && Double.isNaN(first[g]) && !Double.isNaN(v[i])) {
                first[g] = v[i];
                found++;
            }
        }
        for (int g = 0; g < gpus; g++) {
            if (Double.isNaN(first[g])) {
                throw new BadInputException(file + ": GPU " + g + " has no readable power value in the log");
            }
        }
        return first;
    }

    /** The GPU count: from the index column, else from the timing of the first rows. */
    private int gpuCount() {
        int rowsToLook = Math.min(n, 4096);
        if (gpu != null) {
            int max = 0;
            for (int i = 0; i < rowsToLook; i++) {
                max = Math.max(max, gpu[i] + 1);
            }
            return max;
        }
        long[] steps = new long[rowsToLook - 1];
        for (int i = 1; i < rowsToLook; i++) {
            steps[i - 1] = t[i] - t[i - 1];
        }
        long[] sorted = steps.clone();
        Arrays.sort(sorted);
        long join = sorted[Math.max(0, sorted.length - 1 - (int) Math.ceil(0.01 * sorted.length))] / 2;
        int[] counts = new int[1025];
        int size = 1;
        for (long s : steps) {
            if (s > join) {
                counts[Math.min(1024, size)]++;
                size = 1;
            } else {
                size++;
            }
        }
        int best = 1;
        for (int k = 1; k < counts.length; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        return best;
    }

    /** The median time between rows of the first GPU, or between every {@code gpus}-th row. */
    private long pollPeriod(int gpus) {
        long[] starts = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (gpu != null ? gpu[i] == gpu[0] : i % gpus == 0) {
                starts[k++] = t[i];
            }
        }
        if (k < 2) {
            return Long.MAX_VALUE;
        }
        long[] d = new long[k - 1];
        for (int i = 1; i < k; i++) {
            d[i - 1] = starts[i] - starts[i - 1];
        }
        Arrays.sort(d);
        return Math.max(1, d[d.length / 2]);
    }
}
