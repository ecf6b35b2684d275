package dev.chikuden.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The digital twin in a JVM of its own, as in service where the devices are not in the EMS's process:
 * {@code java -jar chikuden-cli/target/chikuden-all.jar devices SITE.yaml --port N}, its output in a
 * log file beside the site. Stopping it is Ctrl-C's way (its shutdown hook closes the server).
 */
final class TwinProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 120_000;

    private final Process process;
    private final Path log;

    private TwinProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the twin and returns once it accepts connections on {@code port}. */
    static TwinProcess start(Path site, int port) throws IOException, InterruptedException {
        Path jar = EngineBenchmark.example("sakai-ai-campus.yaml")
                .getParent()
                .getParent()
                .resolve("chikuden-cli/target/chikuden-all.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build it first with" + " mvn -o -q -pl chikuden-cli -am package -DskipTests");
        }
        Path log = site.resolveSibling("devices.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java, "-jar", jar.toString(), "devices", site.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        TwinProcess twin = new TwinProcess(p, log);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (!accepts(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                twin.close();
                throw new IllegalStateException(
                        "chikuden devices did not start serving on port " + port + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return twin;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "chikuden devices (pid " + process.pid() + ", log " + log + ")";
    }
}
