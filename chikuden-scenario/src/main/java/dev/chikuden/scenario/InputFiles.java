package dev.chikuden.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * has changed since. A line per file, {@code path=digest}: the path relative to the base site file's
 * folder when it lies below it (a project moved, or shipped to Spark's executors with
 * {@code --archives}, keeps its rows), the digest {@code sha256:} and the first 16 hex digits of its
 * SHA-256, {@code missing} or {@code unreadable} (a folder, a file without read permission).
 *
 * <p>A file is digested once per JVM while its size and modification time hold, unless it was
 * modified within {@link #RACY_NS} of its digest: a file system's clock ticks coarsely, so an edit
 * then could keep both (as git does, such a file is digested again).
 */
public final class InputFiles {
    static final String MISSING = "missing";
    static final String UNREADABLE = "unreadable";
    static final long RACY_NS = 2_000_000_000L;

    private record Known(long size, long modifiedNs, String digest) {}

    private static final ConcurrentHashMap<Path, Known> KNOWN = new ConcurrentHashMap<>();

    private InputFiles() {}

    /** The lines of {@code files}, in the order they were named, paths below {@code siteFolder} relative to it. */
    public static String of(Path siteFolder, List<Path> files) {
        Path folder = siteFolder.toAbsolutePath().normalize();
        StringBuilder b = new StringBuilder();
        for (Path f : files) {
            Path shown = f.startsWith(folder) ? folder.relativize(f) : f;
            b.append(b.length() == 0 ? "" : "\n")
                    .append(escape(shown.toString()))
                    .append('=')
                    .append(digest(f));
        }
        return b.toString();
    }

    /**
     * The first file of {@code inputs} ({@link #of}, relative paths against {@code siteFolder}) whose
     * content is not the one it was, described for a message; null when every one holds.
     */
    static String changed(Path siteFolder, String inputs) {
        if (inputs == null || inputs.isEmpty()) {
            return null;
        }
        Path folder = siteFolder.toAbsolutePath().normalize();
        for (String line : inputs.split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq < 0) {
                return "\"" + line + "\", a line the rows' inputs column cannot hold (a row of another version?)";
            }
            Path file = folder.resolve(unescape(line.substring(0, eq))).normalize();
            String then = line.substring(eq + 1);
            String now = digest(file);
            if (!now.equals(then)) {
                return file
                        + (then.equals(MISSING)
                                ? ", which did not exist then and does now"
                                : now.equals(MISSING)
                                        ? ", which no longer exists"
                                        : " as it was then (" + then + "), and it has changed since (" + now + ")");
            }
        }
        return null;
    }

    /** The file's digest, {@link #MISSING} or {@link #UNREADABLE}; never an exception. */
    static String digest(Path file) {
        BasicFileAttributes before = attributes(file);
        if (before == null) {
            return MISSING;
        }
        if (!before.isRegularFile()) {
            return UNREADABLE;
        }
        Known k = KNOWN.get(file);
        long modifiedNs = before.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        if (k != null && k.size() == before.size() && k.modifiedNs() == modifiedNs) {
            return k.digest();
        }
        long digestedNs = System.currentTimeMillis() * 1_000_000L;
        String d = sha256(file);
        BasicFileAttributes after = attributes(file);
        boolean settled = after != null
                && after.size() == before.size()
                && after.lastModifiedTime().equals(before.lastModifiedTime())
                && modifiedNs < digestedNs - RACY_NS;
        if (settled) {
            KNOWN.put(file, new Known(before.size(), modifiedNs, d));
        } else {
            KNOWN.remove(file);
        }
        return d;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (IOException e) {
            return Files.exists(file) ? UNREADABLE : MISSING;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A path on one line: {@code %}, line feed and carriage return as {@code %25}, {@code %0A}, {@code %0D}. */
    static String escape(String path) {
        return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }

    static String unescape(String line) {
        return line.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }
}
