package dev.chikuden.trace;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The encoding of a text input: UTF-8 (with or without a byte-order mark) when the whole file
 * decodes as UTF-8, else CP932 (Windows Japanese, what Excel and the utilities' downloads write)
 * when it decodes cleanly as that, else an error naming the byte offset where UTF-8 fails. ASCII
 * is UTF-8. The check decodes the file once, streaming, before it is parsed.
 */
public enum TextEncoding {
    UTF8("UTF-8", StandardCharsets.UTF_8),
    UTF8_BOM("UTF-8 with BOM", StandardCharsets.UTF_8),
    CP932("CP932", Charset.forName("windows-31j"));

    private static final int CHUNK = 1 << 16;

    private final String label;
    private final Charset charset;

    TextEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /** How the decision is printed. */
    public String label() {
        return label;
    }

    /**
     * The bytes of an input, opened afresh for each pass over them: a file, or an entry of an
     * archive. A stream may fail a read with a {@link BadInputException} (a damaged archive).
     */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** The encoding of {@code file}, detected. */
    public static TextEncoding of(Path file) {
        return of(file.toString(), source(file));
    }

    /** The encoding of the input {@code name} (as messages call it), detected. */
    public static TextEncoding of(String name, Source source) {
        boolean bom = startsWithBom(name, source);
        long utf8Error = firstError(name, source, StandardCharsets.UTF_8);
        if (utf8Error < 0) {
            return bom ? UTF8_BOM : UTF8;
        }
        if (firstError(name, source, CP932.charset) < 0) {
            return CP932;
        }
        throw new BadInputException(name + ": byte " + utf8Error + " is not valid UTF-8, and the file is not valid "
                + "CP932 (Shift_JIS) either; save it as UTF-8 (with or without BOM) or CP932");
    }

    /** The encoding named by an option: utf-8 or cp932 (shift_jis, sjis, windows-31j alike). */
    public static TextEncoding named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT).replace("_", "-")) {
            case "utf-8", "utf8" -> UTF8;
            case "cp932", "shift-jis", "sjis", "windows-31j", "ms932" -> CP932;
            default ->
                throw new BadInputException(
                        "encoding \"" + name + "\" is not supported; give utf-8 or cp932 (shift_jis)");
        };
    }

    /** The whole text of {@code file} in its detected encoding, without a byte-order mark. */
    public static String readString(Path file) {
        TextEncoding e = of(file);
        try (Reader r = e.open(file)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[CHUNK];
            for (int n; (n = r.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A reader of {@code file} in this encoding, past any byte-order mark. */
    public Reader open(Path file) {
        return open(file.toString(), source(file));
    }

    /** A reader of the input {@code name} in this encoding, past any byte-order mark. */
    public Reader open(String name, Source source) {
        try {
            boolean bom = startsWithBom(name, source);
            InputStream in = source.open();
            if (bom) {
                in.skipNBytes(3);
            }
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new InputStreamReader(in, decoder);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source source(Path file) {
        return () -> Files.newInputStream(file);
    }

    private static boolean startsWithBom(String name, Source source) {
        try (InputStream in = source.open()) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The byte offset of the first sequence that is not UTF-8, or -1 when the whole file is. */
    public static long firstUtf8Error(Path file) {
        return firstError(file.toString(), source(file), StandardCharsets.UTF_8);
    }

    /** The byte offset of the first sequence that does not decode, or -1. */
    private static long firstError(String name, Source source, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        long consumed = 0;
        try (InputStream stream = source.open()) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                int before = in.position();
                CoderResult r = decoder.decode(in, out, end);
                consumed += in.position() - before;
                if (r.isError()) {
                    return consumed;
                }
                out.clear();
                in.compact();
            }
            CoderResult r = decoder.flush(out);
            return r.isError() ? consumed : -1;
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
