package dev.chikuden.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every site file the repository holds (the bundled examples, the test sites of every module) meets
 * {@code site.schema.json} and reads without a problem, and each example points editors at it.
 */
class EverySiteFileTest {
    @Test
    void everySiteFileOfTheRepositoryReads() throws IOException {
        List<Path> sites = siteFiles();
        assertThat(sites).hasSizeGreaterThanOrEqualTo(7);
        for (Path f : sites) {
            assertThat(SiteConfigReader.read(f).name()).as(f.toString()).isNotBlank();
        }
    }

    @Test
    void everyExampleStartsWithTheEditorHint() throws IOException {
        try (Stream<Path> s = Files.list(Repository.examples())) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String name = f.getFileName().toString();
                String schema =
                        name.endsWith("-sweep.yaml") ? "sweep" : name.endsWith("-fleet.yaml") ? "fleet" : "site";
                assertThat(Files.readAllLines(f).get(0))
                        .as(f.toString())
                        .isEqualTo("# yaml-language-server: $schema=../schemas/" + schema + ".schema.json");
                assertThat(f.resolveSibling("../schemas/" + schema + ".schema.json")
                                .normalize())
                        .exists();
            }
        }
    }

    /**
     * The YAML files with a top-level {@code loads:}, under examples/ and every module's test
     * resources, but for the fuzz targets' corpora.
     */
    private static List<Path> siteFiles() throws IOException {
        Path root = Repository.root();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml")
                            && !p.toString().contains("/target/")
                            && !p.toString().contains("FuzzTestInputs") // malformed on purpose
                            && (p.startsWith(root.resolve("examples"))
                                    || p.toString().contains("/src/test/resources/")))
                    .filter(EverySiteFileTest::isSite)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isSite(Path p) {
        try {
            return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("loads:"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
