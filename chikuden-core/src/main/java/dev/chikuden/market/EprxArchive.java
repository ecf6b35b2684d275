package dev.chikuden.market;

import dev.chikuden.BadInputException;
import dev.chikuden.trace.SeriesLimit;
import dev.chikuden.trace.TextEncoding;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip of EPRX result CSVs (EPRX zips a fiscal year of one product, a CSV a month), read in place:
 * its CSVs (not folders, other files or macOS's {@code __MACOSX/._} copies), each opened as a
 * stream that fails when it unpacks to more than its header declares, and together declaring at most
 * the series limit ({@link SeriesLimit}), so that a zip bomb is refused before much is unpacked.
 * Entry names may be UTF-8 or CP932 (a zip made on Japanese Windows).
 */
final class EprxArchive implements AutoCloseable {
    /** A fiscal year of daily files would be 366: more is not a results archive. */
    static final int MAX_CSVS = 1000;

    private static final int LISTED = 20;

    private final Path file;
    private final ZipFile zip;

    private EprxArchive(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /** Whether {@code file} starts as a zip does. */
    static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4
                    && b[0] == 'P'
                    && b[1] == 'K'
                    && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code file}, which starts as a zip: whatever fails now is the archive's fault (its start was read). */
    static EprxArchive open(Path file) {
        try {
            return new EprxArchive(file, new ZipFile(file.toFile(), StandardCharsets.UTF_8));
        } catch (IOException utf8) {
            try {
                return new EprxArchive(file, new ZipFile(file.toFile(), Charset.forName("windows-31j")));
            } catch (IOException cp932) {
                throw new BadInputException(file + ": not a readable zip archive (" + reason(utf8) + ")");
            }
        }
    }

    /** Its CSVs, by name, each readable within its declared size. */
    List<EprxResultsFile> csvs() {
        List<ZipEntry> csvs = new ArrayList<>();
        List<String> all = new ArrayList<>();
        long declared = 0;
        for (ZipEntry e : zip.stream().toList()) {
            all.add(e.getName());
            if (!isCsv(e)) {
                continue;
            }
            csvs.add(e);
            if (csvs.size() > MAX_CSVS) {
                throw new BadInputException(
                        file + ": holds more than " + MAX_CSVS + " CSVs; an EPRX results zip holds a month each");
            }
            declared += e.getSize() < 0 ? SeriesLimit.bytes() : e.getSize();
            if (declared > SeriesLimit.bytes()) {
                throw new BadInputException(file + ": its CSVs unpack to more than a series file may have "
                        + SeriesLimit.described() + "; a zip bomb, or more than a fiscal year?");
            }
        }
        if (csvs.isEmpty()) {
            throw new BadInputException(file + ": the archive holds no CSV (it holds " + listed(all) + ")");
        }
        csvs.sort(Comparator.comparing(ZipEntry::getName));
        return csvs.stream()
                .map(e -> new EprxResultsFile(file + "!/" + e.getName(), source(e)))
                .toList();
    }

    /** At most {@value #LISTED} names, for a message. */
    static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "nothing";
        }
        List<String> shown = names.subList(0, Math.min(LISTED, names.size()));
        return String.join(", ", shown) + (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
    }

    private static boolean isCsv(ZipEntry e) {
        String n = e.getName();
        String base = n.substring(n.lastIndexOf('/') + 1);
        return !e.isDirectory()
                && base.toLowerCase(Locale.ROOT).endsWith(".csv")
                && !base.startsWith("._")
                && !n.startsWith("__MACOSX/");
    }

    private TextEncoding.Source source(ZipEntry e) {
        String name = file + "!/" + e.getName();
        long bound = e.getSize() < 0 ? SeriesLimit.bytes() : e.getSize();
        return () -> {
            try {
                return new Bounded(zip.getInputStream(e), bound, name);
            } catch (IOException ex) {
                throw damaged(name, ex);
            }
        };
    }

    private static BadInputException damaged(String name, IOException e) {
        return new BadInputException(name + ": the archive is damaged (" + reason(e) + ")");
    }

    /** Java's words for what is wrong with the zip; an end of input has none. */
    private static String reason(IOException e) {
        return e instanceof EOFException || e.getMessage() == null ? "it ends too early" : e.getMessage();
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry's bytes, refused past its declared size; a damaged entry is bad input. */
    private static final class Bounded extends FilterInputStream {
        private final long bound;
        private final String name;
        private long read;

        Bounded(InputStream in, long bound, String name) {
            super(in);
            this.bound = bound;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw damaged(name, e);
            }
            if (n > 0) {
                read += n;
                if (read > bound) {
                    throw new BadInputException(name + ": unpacks to more than the " + bound
                            + " bytes its header declares; a damaged archive or a zip bomb");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            byte[] buf = new byte[8192];
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
