package dev.chikuden.market;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's {@code ../shared/data} folder by walking up from the working directory. */
public final class SharedData {
    private SharedData() {
    }

    /** The file, or the test is skipped (with the reason) when the shared data is absent. */
    public static Path jepx(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path f = dir.resolve("shared/data/jepx").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        assumeTrue(false, "skipped: shared/data/jepx/" + name + " not found above " + Path.of("").toAbsolutePath());
        return null;
    }
}
