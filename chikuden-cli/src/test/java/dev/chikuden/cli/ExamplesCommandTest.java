package dev.chikuden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chikuden.config.ConfigSchema;
import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples against the repository's own examples/ folder, which the build bundles. */
class ExamplesCommandTest {
    @TempDir
    Path dir;

    static List<Path> repoExamples() throws IOException {
        try (Stream<Path> s = Files.list(Repository.examples())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void listsEveryExampleOfTheRepositoryWithItsFirstCommentLine() throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run("examples");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Path> repo = repoExamples();
        assertThat(repo).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : repo) {
            String first = Files.readAllLines(p).stream()
                    .filter(l -> l.startsWith("#") && !l.contains("$schema="))
                    .findFirst()
                    .orElseThrow()
                    .replaceFirst("^#+\\s*", "");
            assertThat(r.out())
                    .containsPattern("(?m)^"
                            + java.util.regex.Pattern.quote(p.getFileName().toString()) + "\\s+"
                            + java.util.regex.Pattern.quote(first) + "$");
        }
        assertThat(r.out()).contains("chikuden examples copy");
    }

    @Test
    void jsonListsTheSameNames() throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> names = new ArrayList<>();
        j.forEach(e -> {
            names.add(e.get("name").asText());
            assertThat(e.get("description").asText()).isNotBlank();
        });
        assertThat(names)
                .containsExactlyElementsOf(repoExamples().stream()
                        .map(p -> p.getFileName().toString())
                        .toList());
    }

    @Test
    void copyWithoutNamesCopiesEveryExampleByteForByte() throws IOException {
        Path to = dir.resolve("mine");
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "--to", to.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Path> bundled;
        try (Stream<Path> s = Files.list(Repository.examples())) {
            bundled = s.filter(Files::isRegularFile).sorted().toList(); // the sites and the files they read
        }
        for (Path p : bundled) {
            assertThat(Files.readAllBytes(to.resolve(p.getFileName())))
                    .as(p.toString())
                    .isEqualTo(Files.readAllBytes(p));
        }
        try (Stream<Path> s = Files.list(to)) {
            assertThat(s.count()).isEqualTo(bundled.size());
        }
    }

    /** An example that reads a file of its own (its prices) is copied with it, and runs where it lands. */
    @Test
    void copyByNameBringsTheFilesTheExampleReads() throws IOException {
        Path to = dir.resolve("mine");
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "kansai-grid-battery", "--to", to.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(to)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("jepx-kansai-fy2025-synthetic.csv", "kansai-grid-battery.yaml");
        }
        PlanCommandTest.Run prices = PlanCommandTest.run(
                "prices", to.resolve("jepx-kansai-fy2025-synthetic.csv").toString(), "--area", "kansai");
        assertThat(prices.exit()).as(prices.err()).isZero();
    }

    @Test
    void copyByNameWithOrWithoutYaml() throws IOException {
        Path to = dir.resolve("mine");
        PlanCommandTest.Run r = PlanCommandTest.run(
                "examples", "copy", "sakai-mpc", "sakai-sizing.yaml", "--to", to.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(to)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("sakai-mpc.yaml", "sakai-sizing.yaml");
        }
        assertThat(new ObjectMapper().readTree(r.out()).get("copied")).hasSize(2);
    }

    /** The examples' first line points editors at ../schemas/site.schema.json: the copy puts the schemas there. */
    @Test
    void copyWritesTheSchemasWhereTheEditorHintLooks() throws IOException {
        Path to = dir.resolve("sites");
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "sakai-mpc", "--to", to.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String hint = Files.readAllLines(to.resolve("sakai-mpc.yaml")).get(0);
        assertThat(hint).isEqualTo("# yaml-language-server: $schema=../schemas/site.schema.json");
        Path schema = to.resolve(hint.substring(hint.indexOf('=') + 1)).normalize();
        assertThat(Files.readAllBytes(schema))
                .isEqualTo(Files.readAllBytes(Repository.schemas().resolve("site.schema.json")));
        assertThat(schema.resolveSibling("quantities.schema.json")).exists(); // which site.schema.json refers to

        r = PlanCommandTest.run("examples", "copy", "sakai-sizing", "--to", to.toString());
        assertThat(r.exit())
                .as("the same schemas again are no conflict: " + r.err())
                .isZero();
        Files.writeString(schema, "{}");
        r = PlanCommandTest.run("examples", "copy", "sakai-ai-campus", "--to", to.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err())
                .contains("site.schema.json already exists and differs")
                .contains("--force");
        assertThat(to.resolve("sakai-ai-campus.yaml")).doesNotExist();
    }

    @Test
    void theSchemasCommandWritesEverySchemaAsTheRepositoryHasIt() throws IOException {
        PlanCommandTest.Run r =
                PlanCommandTest.run("schemas", "--to", dir.resolve("s").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(Repository.schemas())) {
            for (Path p : s.toList()) {
                assertThat(Files.readAllBytes(dir.resolve("s").resolve(p.getFileName())))
                        .as(p.toString())
                        .isEqualTo(Files.readAllBytes(p));
            }
        }
        assertThat(new ObjectMapper().readTree(r.out()).get("written")).hasSize(ConfigSchema.FILES.size());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path to = Files.createDirectories(dir.resolve("mine"));
        Path mine = Files.writeString(to.resolve("sakai-mpc.yaml"), "my own site");
        PlanCommandTest.Run r =
                PlanCommandTest.run("examples", "copy", "sakai-mpc", "sakai-sizing", "--to", to.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err())
                .contains("sakai-mpc.yaml already exists")
                .contains("--force")
                .doesNotContain("Exception");
        assertThat(Files.readString(mine)).isEqualTo("my own site");
        assertThat(to.resolve("sakai-sizing.yaml")).doesNotExist(); // all or nothing

        r = PlanCommandTest.run("examples", "copy", "sakai-mpc", "--to", to.toString(), "--force");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(mine))
                .isEqualTo(Files.readAllBytes(Repository.examples().resolve("sakai-mpc.yaml")));
    }

    @Test
    void anUnknownNameIsBadInputListingTheExamples() {
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "nope", "--to", dir.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("nope: no such example").contains("sakai-ai-campus.yaml");
    }

    @Test
    void anExampleIsCopiedWithTheFilesItReads() {
        Map<String, byte[]> files = Map.of(
                "a.yaml",
                "# a\nloads:\n  - file: load.csv # the load\n# file: not.csv\n".getBytes(UTF_8),
                "load.csv",
                new byte[] {1},
                "not.csv",
                new byte[] {2});
        assertThat(ExamplesCommand.companions(files, "a.yaml")).containsExactly("load.csv");
    }
}
