package dev.chikuden.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs a sweep on local Spark ({@code sweep --spark local[N]}) in a JVM of its own: Spark is not in
 * the command line's jar but in {@code chikuden-spark-local.jar}, with its {@code lib/} beside it.
 * The new JVM gets the Java 17 flags Spark needs, read from that jar, so they are listed once.
 */
final class SparkLauncher {
    static final String JAR_PROPERTY = "chikuden.spark.jar";
    static final String JAR_ENV = "CHIKUDEN_SPARK_JAR";
    static final String FLAGS = "dev/chikuden/spark/java17-flags.txt";
    static final String MAIN = "dev.chikuden.spark.SparkSweep";
    static final String BUILD = "mvn -B -DskipTests -pl chikuden-spark-local -am install";

    private SparkLauncher() {}

    /** Runs the sweep and returns its exit code; 1 with a message naming the build when the jar is missing. */
    static int launch(Path sweepFile, Path outDir, List<String> sets, String master, PrintWriter out, PrintWriter err) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            err.println("sweep --spark: " + jar + " is missing: Spark is not in the command line's jar. Build it with `"
                    + BUILD + "`, or set " + JAR_ENV + " to chikuden-spark-local.jar");
            err.flush();
            return 1;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command(jar, sweepFile, outDir, sets, master));
            // Spark in one JVM talks to itself over loopback, not the address the host name resolves to
            pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
            Process p = pb.start();
            p.getOutputStream().close();
            Thread copyErr = copy(p.getErrorStream(), err);
            copy(p.getInputStream(), out).join();
            copyErr.join();
            return p.waitFor();
        } catch (IOException e) {
            err.println("sweep --spark: cannot start " + javaExecutable() + ": " + e.getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** {@code java FLAGS -cp JAR dev.chikuden.spark.SparkSweep SWEEP --out DIR [--set ...] --master M}. */
    static List<String> command(Path jar, Path sweepFile, Path outDir, List<String> sets, String master) {
        List<String> c = new ArrayList<>();
        c.add(javaExecutable());
        c.addAll(flags(jar));
        c.addAll(List.of("-cp", jar.toString(), MAIN, sweepFile.toString(), "--out", outDir.toString()));
        for (String s : sets) {
            c.add("--set");
            c.add(s);
        }
        c.addAll(List.of("--master", master));
        return c;
    }

    /** The flags, one a line in the jar's {@link #FLAGS}. */
    static List<String> flags(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(FLAGS);
            if (e == null) {
                throw new IllegalStateException(jar + " has no " + FLAGS + ": rebuild it with `" + BUILD + "`");
            }
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The jar named by {@link #JAR_PROPERTY} or {@link #JAR_ENV}, else the one the build leaves beside
     * this module's: {@code chikuden-cli/target/chikuden-all.jar} (or {@code target/classes}) has it at
     * {@code chikuden-spark-local/target/chikuden-spark-local.jar}.
     */
    static Path jar() {
        String named = System.getProperty(JAR_PROPERTY, System.getenv(JAR_ENV));
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        try {
            Path here = Path.of(SparkLauncher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return here.getParent()
                    .getParent()
                    .resolveSibling("chikuden-spark-local")
                    .resolve("target")
                    .resolve("chikuden-spark-local.jar");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Thread copy(InputStream from, PrintWriter to) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            to.println(line);
                            to.flush();
                        }
                    } catch (IOException e) {
                        to.println("sweep --spark: " + e.getMessage());
                    }
                },
                "spark-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
