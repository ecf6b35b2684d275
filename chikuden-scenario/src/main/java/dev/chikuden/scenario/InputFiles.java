package dev.chikuden.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The files a scenario's site named (load traces, weather, prices, tariffs, rules, schedules), each
 * with a digest of its content, as a row keeps them: a rerun finds a row computed from a file that
 * has changed since. A file is digested once per JVM while its size and modification time hold,
 * unless it was modified within {@link #RACY_NS} of its digest: a file system's clock ticks coarsely,
 * so an edit then could keep both (as git does, such a file is digested again).
 */
public final class InputFiles {
    /** The digest of a file that does not exist. */
    static final String MISSING = "missing";

    static final long RACY_NS = 2_000_000_000L;

    private record Known(long size, long modifiedNs, String digest) {}

    private static final ConcurrentHashMap<Path, Known> KNOWN = new ConcurrentHashMap<>();

    private InputFiles() {}

    /** A line per file, {@code path=digest}, in the order they were named. */
    public static String of(List<Path> files) {
        StringBuilder b = new StringBuilder();
        for (Path f : files) {
            b.append(b.length() == 0 ? "" : "\n").append(f).append('=').append(digest(f));
        }
        return b.toString();
    }

    /**
     * The first file of {@code inputs} ({@link #of}) whose content is not the one it was, described
     * for a message; null when every one holds.
     */
    static String changed(String inputs) {
        if (inputs == null || inputs.isEmpty()) {
            return null;
        }
        for (String line : inputs.split("\n")) {
            int eq = line.lastIndexOf('=');
            Path file = Path.of(line.substring(0, eq));
            String then = line.substring(eq + 1);
            String now = digest(file);
            if (!now.equals(then)) {
                return file
                        + (now.equals(MISSING)
                                ? ", which no longer exists"
                                : " as it was then (" + then + "), and it has changed since (" + now + ")");
            }
        }
        return null;
    }

    /** {@code sha256:} and the first 16 hex digits of the file's SHA-256, or {@link #MISSING}. */
    static String digest(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long size = a.size();
        long modifiedNs = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        Known k = KNOWN.get(file);
        if (k != null && k.size() == size && k.modifiedNs() == modifiedNs) {
            return k.digest();
        }
        long digestedNs = System.currentTimeMillis() * 1_000_000L;
        String d = sha256(file);
        if (modifiedNs < digestedNs - RACY_NS) {
            KNOWN.put(file, new Known(size, modifiedNs, d));
        } else {
            KNOWN.remove(file);
        }
        return d;
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
