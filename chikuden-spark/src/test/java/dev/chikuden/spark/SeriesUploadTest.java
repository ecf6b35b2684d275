package dev.chikuden.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Series files reach OUT whole, also when two attempts of a task upload the same scenario at once. */
class SeriesUploadTest {
    @TempDir
    Path out;

    private static void written(SeriesUpload u, String id, String content) throws Exception {
        Path dir = Files.createDirectories(u.local().resolve(id));
        Files.writeString(dir.resolve("with-battery.parquet"), content);
        Files.writeString(dir.resolve("without-battery.parquet"), content + " without");
    }

    private List<String> left(String id) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("series").resolve(id))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".crc"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aSecondAttemptOfAScenarioLeavesOneWholeCopyAndNothingBehind() throws Exception {
        String uri = out.resolve("series").toUri().toString();
        try (SeriesUpload first = new SeriesUpload(uri, new Configuration());
                SeriesUpload second = new SeriesUpload(uri, new Configuration())) {
            written(first, "s01", "figures");
            first.upload("s01");
            written(second, "s01", "figures");
            second.upload("s01");
            assertThat(left("s01")).containsExactly("with-battery.parquet", "without-battery.parquet");
            assertThat(Files.readString(out.resolve("series/s01/with-battery.parquet")))
                    .isEqualTo("figures");
            assertThat(first.local().resolve("s01")).doesNotExist();
            assertThat(second.local().resolve("s01")).doesNotExist();
        }
    }

    @Test
    void twoAttemptsAtOnceLeaveOneWholeCopyOfEachFile() throws Exception {
        String uri = out.resolve("series").toUri().toString();
        for (int round = 0; round < 20; round++) {
            String id = "s" + round;
            try (SeriesUpload a = new SeriesUpload(uri, new Configuration());
                    SeriesUpload b = new SeriesUpload(uri, new Configuration())) {
                String content = "x".repeat(200_000) + round; // the same scenario: the same bytes
                written(a, id, content);
                written(b, id, content);
                CompletableFuture<Void> fa = CompletableFuture.runAsync(() -> a.upload(id));
                CompletableFuture<Void> fb = CompletableFuture.runAsync(() -> b.upload(id));
                fa.join();
                fb.join();
                assertThat(left(id)).containsExactly("with-battery.parquet", "without-battery.parquet");
                assertThat(Files.readString(out.resolve("series").resolve(id).resolve("with-battery.parquet")))
                        .isEqualTo(content);
            }
        }
    }
}
