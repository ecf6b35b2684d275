package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    private static AuditLog.Entry entry(int i) {
        return new AuditLog.Entry(
                "2026-07-01T00:00:00Z",
                "accepted",
                200,
                null,
                new AuditLog.Who("127.0.0.1", "test", "0123abcd"),
                new AuditLog.What(
                        "POST",
                        "/api/setpoint",
                        ApiJson.mapper().valueToTree(Map.of("i", i, "pad", "x".repeat(i % 397))),
                        null,
                        null,
                        null),
                null,
                new Views.Manual(i, 0, "1970-01-01T00:00:00Z"));
    }

    @Test
    void appendsOneLinePerEntryAndReadsTheNewestFirstAcrossBlocks() throws Exception {
        Path file = dir.resolve("deep/folder/audit.jsonl");
        int n = 600; // ~ 250 kB: several 64 kB blocks read backwards
        try (AuditLog log = new AuditLog(file, ApiJson.mapper())) {
            for (int i = 0; i < n; i++) {
                log.append(entry(i));
            }
            assertThat(Files.readAllLines(file)).hasSize(n);
            List<AuditLog.Entry> tail = log.latest(400);
            assertThat(tail).hasSize(400);
            for (int k = 0; k < tail.size(); k++) {
                assertThat(tail.get(k).what().body().get("i").asInt()).isEqualTo(n - 1 - k);
            }
            List<AuditLog.Entry> all = log.latest(n + 10);
            assertThat(all).hasSize(n);
            assertThat(all.get(n - 1).what().body().get("i").asInt()).isZero();
        }
        try (AuditLog reopened = new AuditLog(file, ApiJson.mapper())) {
            reopened.append(entry(n));
            assertThat(Files.readAllLines(file)).as("appends, never truncates").hasSize(n + 1);
            assertThat(reopened.latest(1).get(0).after().kw()).isEqualTo(n);
        }
    }

    @Test
    void aLineTornByACrashIsSkipped() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = new AuditLog(file, ApiJson.mapper())) {
            log.append(entry(1));
            Files.write(
                    file, "{\"time\":\"2026-07-01T00:00:0".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            List<AuditLog.Entry> tail = log.latest(5);
            assertThat(tail).hasSize(1);
            assertThat(tail.get(0).what().body().get("i").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anEmptyLogHasNoEntries() throws Exception {
        try (AuditLog log = new AuditLog(dir.resolve("a.jsonl"), ApiJson.mapper())) {
            assertThat(log.latest(10)).isEmpty();
        }
    }
}
