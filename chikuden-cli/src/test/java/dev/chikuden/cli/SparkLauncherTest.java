package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkLauncherTest {
    @TempDir
    Path tmp;

    @Test
    void theCommandRunsTheSparkMainWithTheJarsFlagsAndTheSweepsOptions() throws IOException {
        Path jar = tmp.resolve("chikuden-spark-local.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            z.putNextEntry(new ZipEntry(SparkLauncher.FLAGS));
            z.write("--add-opens=java.base/java.lang=ALL-UNNAMED\n\n-Dio.netty.tryReflectionSetAccessible=true\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<String> c = SparkLauncher.command(
                jar, Path.of("sweep.yaml"), Path.of("out"), List.of("study.duration=7 d"), "local[2]");

        assertThat(c.get(0)).endsWith("/bin/java");
        assertThat(c.subList(1, c.size()))
                .containsExactly(
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "-Dio.netty.tryReflectionSetAccessible=true",
                        "-cp",
                        jar.toString(),
                        "dev.chikuden.spark.SparkSweep",
                        "sweep.yaml",
                        "--out",
                        "out",
                        "--set",
                        "study.duration=7 d",
                        "--master",
                        "local[2]");
    }

    @Test
    void aMissingJarIsNamedWithTheBuildThatMakesIt() {
        String before = System.getProperty(SparkLauncher.JAR_PROPERTY);
        System.setProperty(SparkLauncher.JAR_PROPERTY, tmp.resolve("absent.jar").toString());
        try {
            StringWriter err = new StringWriter();
            int code = SparkLauncher.launch(
                    Path.of("s.yaml"),
                    tmp,
                    List.of(),
                    "local[2]",
                    new PrintWriter(OutputStream.nullOutputStream()),
                    new PrintWriter(err));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("absent.jar is missing", SparkLauncher.BUILD, "CHIKUDEN_SPARK_JAR");
        } finally {
            if (before == null) {
                System.clearProperty(SparkLauncher.JAR_PROPERTY);
            } else {
                System.setProperty(SparkLauncher.JAR_PROPERTY, before);
            }
        }
    }

    @Test
    void withoutANameTheJarIsTheOneTheBuildLeavesBesideThisModule() {
        assertThat(SparkLauncher.jar().toString())
                .endsWith("chikuden-spark-local/target/chikuden-spark-local.jar")
                .doesNotContain("chikuden-cli");
    }
}
