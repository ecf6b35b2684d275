package dev.chikuden.fleet.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The fleet API's append-only log: one JSON line per write, accepted or refused, flushed at once. */
final class FleetAudit implements AutoCloseable {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(long epochMs, String remote, String action, Double kw, Long untilEpochMs, String outcome) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Writer out;

    FleetAudit(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("audit log " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void write(Entry e) {
        try {
            out.write(json.writeValueAsString(e));
            out.write('\n');
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
