package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        try (Stream<Path> s = Files.list(PlanCommandTest.examples())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void listsEveryExampleOfTheRepositoryWithItsFirstCommentLine() throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run("examples");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Path> repo = repoExamples();
        assertThat(repo).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : repo) {
            String first = Files.readAllLines(p).stream().filter(l -> l.startsWith("#")).findFirst().orElseThrow()
                    .replaceFirst("^#+\\s*", "");
            assertThat(r.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(p.getFileName().toString())
                    + "\\s+" + java.util.regex.Pattern.quote(first) + "$");
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
        assertThat(names).containsExactlyElementsOf(repoExamples().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void copyWithoutNamesCopiesEveryExampleByteForByte() throws IOException {
        Path to = dir.resolve("mine");
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "--to", to.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (Path p : repoExamples()) {
            assertThat(Files.readAllBytes(to.resolve(p.getFileName()))).as(p.toString()).isEqualTo(Files.readAllBytes(p));
        }
        try (Stream<Path> s = Files.list(to)) {
            assertThat(s.count()).isEqualTo(repoExamples().size());
        }
    }

    @Test
    void copyByNameWithOrWithoutYaml() throws IOException {
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "sakai-mpc", "sakai-sizing.yaml",
                "--to", dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("sakai-mpc.yaml", "sakai-sizing.yaml");
        }
        assertThat(new ObjectMapper().readTree(r.out()).get("copied")).hasSize(2);
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path mine = Files.writeString(dir.resolve("sakai-mpc.yaml"), "my own site");
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "sakai-mpc", "sakai-sizing", "--to", dir.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("sakai-mpc.yaml already exists").contains("--force").doesNotContain("Exception");
        assertThat(Files.readString(mine)).isEqualTo("my own site");
        assertThat(dir.resolve("sakai-sizing.yaml")).doesNotExist(); // all or nothing

        r = PlanCommandTest.run("examples", "copy", "sakai-mpc", "--to", dir.toString(), "--force");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(mine)).isEqualTo(Files.readAllBytes(PlanCommandTest.examples().resolve("sakai-mpc.yaml")));
    }

    @Test
    void anUnknownNameIsBadInputListingTheExamples() {
        PlanCommandTest.Run r = PlanCommandTest.run("examples", "copy", "nope", "--to", dir.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("nope: no such example").contains("sakai-ai-campus.yaml");
    }

    @Test
    void anExampleIsCopiedWithTheFilesItReads() {
        Map<String, byte[]> files = Map.of("a.yaml", "# a\nloads:\n  - file: load.csv # the load\n# file: not.csv\n".getBytes(),
                "load.csv", new byte[] {1}, "not.csv", new byte[] {2});
        assertThat(ExamplesCommand.companions(files, "a.yaml")).containsExactly("load.csv");
    }
}
