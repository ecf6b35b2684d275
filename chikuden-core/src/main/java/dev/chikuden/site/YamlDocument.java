package dev.chikuden.site;

import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Parses a YAML configuration document into nodes that keep their line and column. */
public final class YamlDocument {
    private YamlDocument() {
    }

    /**
     * The root node of {@code reader}'s document.
     *
     * @param expected what an empty file should have held, for its error message
     * @throws ConfigException on a syntax error (with its position) or an empty document
     */
    public static Node compose(Path file, Reader reader, String expected) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new ConfigException(List.of(new ConfigProblem(file, mark.getLine() + 1, mark.getColumn() + 1, "",
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "not valid YAML: " + e.getMessage())));
        }
        if (root == null) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "the file is empty; " + expected)));
        }
        return root;
    }
}
