package dev.chikuden.ems.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only audit log: one JSON object per line, each written whole and forced to disk
 * (fsync) before {@link #append} returns, so a write the API acknowledged is on disk even if the
 * machine loses power right after.
 */
final class AuditLog implements AutoCloseable {
    /**
     * Who asked: the peer's address, its user agent and a fingerprint of the token it presented
     * (neither for a write the HTTP server refused before the API read its headers).
     */
    record Who(String remote, String userAgent, String token) {}

    /**
     * What was asked: the method, the path and the body exactly as the client sent it, as text (not
     * re-serialised, so {@code 1e400}, a duplicate key, an empty body and {@code null} stay apart),
     * cut after {@code 64 KiB}; its length in bytes and the SHA-256 of all of it. A body of an older
     * log may be JSON; none is kept of a write the HTTP server refused before the API read it.
     */
    record What(String method, String path, JsonNode body, Long bodyBytes, String bodySha256, Boolean bodyCut) {}

    /**
     * One line of the log.
     *
     * @param time    when (ISO-8601 UTC)
     * @param outcome {@code accepted} or {@code refused}
     * @param status  the HTTP status answered
     * @param reason  why it was refused, null when accepted
     * @param before  the manual setpoint as it was (null for a refusal: nothing changed)
     * @param after   the manual setpoint after the write
     */
    record Entry(
            String time,
            String outcome,
            int status,
            String reason,
            Who who,
            What what,
            Views.Manual before,
            Views.Manual after) {}

    private static final int READ_BLOCK = 64 * 1024;

    private final Path file;
    private final ObjectMapper json;
    /** Lines written by another version may hold more than an entry does now: what is known is kept. */
    private final ObjectReader entries;

    private final FileChannel channel;

    AuditLog(Path file, ObjectMapper json) throws IOException {
        this.file = file;
        this.json = json;
        this.entries = json.readerFor(Entry.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    Path file() {
        return file;
    }

    /** Appends one entry and forces it to disk; throws when it could not, so the caller can undo the write. */
    synchronized void append(Entry entry) throws IOException {
        ByteBuffer line;
        try {
            line = ByteBuffer.wrap((json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write an audit entry as JSON", e);
        }
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(true);
    }

    /**
     * The newest {@code limit} entries, newest first, read backwards from the end of the file so a
     * long log costs no more than its tail. A line torn by a crash in mid-write is skipped.
     */
    synchronized List<Entry> latest(int limit) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Entry> out = new ArrayList<>();
            long end = in.size();
            byte[] carry = new byte[0];
            while (end > 0 && out.size() < limit) {
                int n = (int) Math.min(READ_BLOCK, end);
                ByteBuffer block = ByteBuffer.allocate(n + carry.length);
                block.limit(n);
                while (block.hasRemaining()) {
                    in.read(block, end - n + block.position());
                }
                block.limit(n + carry.length).put(carry);
                byte[] bytes = block.array();
                end -= n;
                int lineEnd = bytes.length;
                for (int i = bytes.length - 1; i >= 0 && out.size() < limit; i--) {
                    if (bytes[i] == '\n') {
                        add(out, bytes, i + 1, lineEnd);
                        lineEnd = i;
                    }
                }
                carry = Arrays.copyOf(bytes, lineEnd);
                if (end == 0 && out.size() < limit) {
                    add(out, carry, 0, carry.length);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
    }

    private void add(List<Entry> out, byte[] bytes, int from, int to) {
        if (to <= from) {
            return;
        }
        try {
            out.add(entries.readValue(new String(bytes, from, to - from, StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            // a torn last line: the entry was never acknowledged
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
