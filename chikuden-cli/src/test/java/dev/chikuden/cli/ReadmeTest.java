package dev.chikuden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.fixtures.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README says about the bundled examples holds: every example is listed with the commands
 * it is shown with, each of those runs on it, and every output the README quotes under an
 * {@code <!-- output: COMMAND -->} marker is what that command prints today (wall times masked).
 */
class ReadmeTest {
    /** A row of the README's table of examples: the file and the commands it is shown with. */
    private static final Pattern EXAMPLE_ROW =
            Pattern.compile("^\\| `(examples/[a-z0-9-]+\\.yaml)` \\|[^|]*\\| ([^|]+) \\|$", Pattern.MULTILINE);

    private static final Pattern OUTPUT = Pattern.compile("<!-- output: (.+?) -->\\n+```\\n(.*?)```", Pattern.DOTALL);
    /** The live commands, run on the bundled example by their own tests (twin and service on loopback). */
    private static final List<String> LIVE = List.of("devices", "serve", "fleet");

    private static final Map<String, PlanCommandTest.Run> RUNS = new ConcurrentHashMap<>();

    @TempDir
    static Path tmp;

    static String readme() throws IOException {
        return Files.readString(Repository.root().resolve("README.md"));
    }

    /** The README's table: example file to the commands it is shown with, in order. */
    static Map<String, List<String>> table() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher m = EXAMPLE_ROW.matcher(readme());
        while (m.find()) {
            List<String> commands = new ArrayList<>();
            for (String c : m.group(2).split(",")) {
                commands.add(c.trim().replace("`", ""));
            }
            rows.put(m.group(1), commands);
        }
        return rows;
    }

    @Test
    void everyBundledExampleIsInTheReadmesTable() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (var list = Files.list(Repository.examples())) {
            list.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> files.add("examples/" + p.getFileName()));
        }
        assertThat(table().keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsThroughEveryCommandTheReadmeShowsItWith() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        table().forEach((example, commands) -> {
            for (String command : commands) {
                if (LIVE.contains(command)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(command + " " + example, () -> {
                    PlanCommandTest.Run r = run(standardArgs(command, example));
                    assertThat(r.exit()).as(r.err()).isZero();
                    assertThat(r.out()).isNotBlank();
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyQuotedOutputIsWhatTheCommandPrints() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Matcher m = OUTPUT.matcher(readme());
        while (m.find()) {
            String command = m.group(1).trim();
            String quoted = m.group(2);
            tests.add(DynamicTest.dynamicTest(command, () -> {
                String[] args = command.split("\\s+");
                for (String a : args) {
                    if (a.startsWith("out/")) { // a result file of plan's: the example planned first
                        ensurePlanned("examples/" + Path.of(a).getName(1) + ".yaml");
                    }
                }
                PlanCommandTest.Run r = run(withOutFolder(args));
                assertThat(r.exit()).as(r.err()).isZero();
                assertThat(normalised(r.out()))
                        .as("README block under <!-- output: " + command + " -->")
                        .isEqualTo(normalised(quoted));
            }));
        }
        assertThat(tests).as("output blocks in the README").isNotEmpty();
        return tests.stream();
    }

    /** How the table's commands are run: plan writes its files where bill and gridcode read them. */
    private static String[] standardArgs(String command, String example) {
        String stem = Path.of(example).getFileName().toString().replace(".yaml", "");
        return switch (command) {
            case "plan" -> withOutFolder(new String[] {"plan", example});
            case "bill" -> {
                ensurePlanned(example);
                yield withOutFolder(new String[] {
                    "bill",
                    example,
                    "--grid",
                    "out/" + stem + "/with-battery.csv",
                    "--column",
                    "gridKw",
                    "--case",
                    "with-battery"
                });
            }
            case "gridcode" -> {
                ensurePlanned(example);
                yield withOutFolder(
                        new String[] {"gridcode", "out/" + stem + "/with-battery.csv", "--column", "gridKw"});
            }
            default -> withOutFolder(new String[] {command, example});
        };
    }

    private static void ensurePlanned(String example) {
        PlanCommandTest.Run r = run(standardArgs("plan", example));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /**
     * The README's relative paths against the repository (examples) and a temporary folder (out);
     * plan and sweep write into {@code out/<site>} there, as they do by default from the repository root.
     */
    private static String[] withOutFolder(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(
                    a.startsWith("examples/")
                            ? Repository.root().resolve(a).toString()
                            : a.startsWith("out/") ? tmp.resolve(a).toString() : a);
        }
        if ((args[0].equals("plan") || args[0].equals("sweep"))
                && !out.contains("--out")
                && !out.contains("--no-files")
                && !out.contains("--show")
                && !out.contains("--list")) {
            String stem = Path.of(args[1]).getFileName().toString().replace(".yaml", "");
            out.add("--out");
            out.add(tmp.resolve("out").resolve(stem).toString());
        }
        return out.toArray(String[]::new);
    }

    /** Each distinct command runs once for all the tests of this class. */
    private static synchronized PlanCommandTest.Run run(String[] args) {
        return RUNS.computeIfAbsent(String.join(" ", args), k -> PlanCommandTest.run(args));
    }

    /** Wall times and rates vary from run to run; the temporary folder stands for the README's working directory. */
    static String normalised(String text) {
        String t =
                text.replace(tmp.toString() + "/", "").replace(Repository.root().toString() + "/", "");
        t = t.replaceAll("[\\d,]+(\\.\\d+)? s\\b", "# s")
                .replaceAll("\\([\\d,]+ steps/s\\)", "(# steps/s)")
                .replaceAll("\\([\\d.]+ scenarios/s\\)", "(# scenarios/s)");
        return Arrays.stream(t.split("\n"))
                .map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .strip();
    }
}
