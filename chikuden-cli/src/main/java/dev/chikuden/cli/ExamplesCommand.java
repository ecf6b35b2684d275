package dev.chikuden.cli;

import dev.chikuden.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The example site files bundled in the jar (the build copies the repository's {@code examples/}
 * folder, unfiltered, to {@code dev/chikuden/cli/examples/}); they are listed from the jar, or from
 * {@code target/classes} in a build, so there is no index to keep in step. Each starts with the
 * editor hint {@code $schema=../schemas/site.schema.json}, so a copy writes the schemas beside the
 * folder it copies into, as the repository has them.
 */
@Command(
        name = "examples",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Lists the bundled example site files, each with the first line of its comment.",
            "'chikuden examples copy' copies them into a folder, to run or to start a site of your own from."
        },
        subcommands = ExamplesCommand.Copy.class)
final class ExamplesCommand implements Callable<Integer> {
    static final String RESOURCE_DIR = "dev/chikuden/cli/examples";
    private static final Pattern FILE_REFERENCE = Pattern.compile("(?m)^[^#\\n]*\\bfile:\\s*[\"']?([^\"'\\s#]+)");

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() throws IOException {
        Map<String, byte[]> files = bundled();
        List<Map<String, String>> list = new ArrayList<>();
        for (String name : siteNames(files)) {
            list.add(Map.of("name", name, "description", description(files.get(name))));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json.on) {
            w.println(PlanCommand.JSON.writeValueAsString(list));
        } else {
            int width =
                    list.stream().mapToInt(e -> e.get("name").length()).max().orElse(0);
            for (Map<String, String> e : list) {
                w.printf("%-" + width + "s  %s%n", e.get("name"), e.get("description"));
            }
            w.println();
            w.println("Copy them with: chikuden examples copy [NAME...] [--to DIR]   (then: chikuden plan DIR/NAME)");
        }
        w.flush();
        return Main.OK;
    }

    @Command(
            name = "copy",
            sortOptions = false,
            mixinStandardHelpOptions = true,
            description = {
                "Copies the named examples (all without a name) into a folder, with any file they read.",
                "The JSON Schemas their first line points editors at go to a folder schemas beside it."
            })
    static final class Copy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                paramLabel = "NAME",
                arity = "0..*",
                description = "An example, as listed by 'chikuden examples' (the .yaml may be left off).")
        List<String> names = new ArrayList<>();

        @Option(
                names = "--to",
                paramLabel = "DIR",
                defaultValue = "examples-chikuden",
                description = "The folder to copy into, made if missing (default: ${DEFAULT-VALUE}).")
        Path to;

        @Option(names = "--force", description = "Overwrite files that already exist (and schemas that differ).")
        boolean force;

        @Mixin
        SharedOptions.Json json;

        @Override
        public Integer call() throws IOException {
            Map<String, byte[]> files = bundled();
            List<String> sites = siteNames(files);
            Set<String> chosen = new LinkedHashSet<>();
            for (String n : names.isEmpty() ? sites : names) {
                String name = n.endsWith(".yaml") ? n : n + ".yaml";
                if (!sites.contains(name)) {
                    throw new BadInputException(
                            "examples copy " + n + ": no such example; the examples are " + String.join(", ", sites));
                }
                chosen.add(name);
                chosen.addAll(companions(files, name));
            }
            List<Path> targets = new ArrayList<>();
            for (String name : chosen) {
                Path target = to.resolve(name);
                if (Files.exists(target) && !force) {
                    throw new BadInputException(target + " already exists; nothing was copied "
                            + "(add --force to overwrite, or --to DIR to copy elsewhere)");
                }
                targets.add(target);
            }
            // the examples' hint is $schema=../schemas/site.schema.json, relative to the folder they are in
            Path schemas = to.toAbsolutePath().normalize().resolveSibling("schemas");
            List<Path> written = SchemasCommand.write(schemas, force);
            Files.createDirectories(to);
            for (String name : chosen) {
                Files.write(to.resolve(name), files.get(name));
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json.on) {
                w.println(PlanCommand.JSON.writeValueAsString(Map.of(
                        "copied",
                        targets.stream().map(Path::toString).toList(),
                        "schemas",
                        written.stream().map(Path::toString).toList())));
            } else {
                for (Path t : targets) {
                    w.println("copied " + t);
                }
                w.println("wrote the schemas the examples' first line points editors at to " + schemas);
                w.println("Run one with: chikuden plan " + targets.get(0));
            }
            w.flush();
            return Main.OK;
        }
    }

    /** The example site files (*.yaml), by name. */
    static List<String> siteNames(Map<String, byte[]> files) {
        return files.keySet().stream().filter(n -> n.endsWith(".yaml")).toList();
    }

    /** The first comment line of a site file, without its '#', past the editor's schema hint. */
    static String description(byte[] file) {
        for (String line : new String(file, StandardCharsets.UTF_8).split("\\R")) {
            String t = line.strip();
            if (t.startsWith("#") && !t.contains("yaml-language-server:")) {
                return t.replaceFirst("^#+\\s*", "");
            }
        }
        return "";
    }

    /** The bundled files an example reads ({@code file: NAME} outside comments), to copy with it. */
    static List<String> companions(Map<String, byte[]> files, String name) {
        List<String> out = new ArrayList<>();
        Matcher m = FILE_REFERENCE.matcher(new String(files.get(name), StandardCharsets.UTF_8));
        while (m.find()) {
            String ref = m.group(1).replaceFirst("^\\./", "");
            if (files.containsKey(ref) && !ref.equals(name)) {
                out.add(ref);
            }
        }
        return out;
    }

    /** Every bundled example file, name to bytes, sorted by name. */
    static Map<String, byte[]> bundled() {
        try {
            Path location = Path.of(ExamplesCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(location)) {
                return read(location.resolve(RESOURCE_DIR));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return read(jar.getPath("/" + RESOURCE_DIR));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled examples", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the jar's location " + e.getInput(), e);
        }
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no examples bundled at " + dir + " (a build without them?)");
        }
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(out));
    }
}
