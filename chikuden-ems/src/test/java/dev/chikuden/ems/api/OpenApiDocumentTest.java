package dev.chikuden.ems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** openapi.yaml describes exactly the routes the server registers, and hangs together. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void documentsEveryRegisteredRouteAndNoOther() throws Exception {
        try (ApiFixture api = new ApiFixture(dir, ApiFixture.TOKEN)) {
            Map<String, Object> doc =
                    new Yaml().load(api.client.get("/api/openapi.yaml").text());
            Set<String> documented = new TreeSet<>();
            map(doc.get("paths"))
                    .forEach((path, item) -> map(item).keySet().stream()
                            .filter(METHODS::contains)
                            .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
            assertThat(api.server.routes()).as("routes the server registers").isNotEmpty();
            assertThat(documented).isEqualTo(api.server.routes());
        }
    }

    @Test
    void isOpenApi31WithTheBearerSchemeAndEveryReferenceResolves() throws Exception {
        Map<String, Object> doc;
        try (var in = ApiServer.class.getResourceAsStream(ApiServer.OPENAPI)) {
            doc = new Yaml().load(in);
        }
        assertThat(doc.get("openapi")).asString().startsWith("3.1.");
        Map<String, Object> bearer =
                map(map(map(doc.get("components")).get("securitySchemes")).get("bearer"));
        assertThat(bearer).containsEntry("type", "http").containsEntry("scheme", "bearer");

        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            Object target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target instanceof Map<?, ?> m ? m.get(part) : null;
            }
            assertThat(target).as(ref).isNotNull();
        }

        map(doc.get("paths"))
                .forEach((path, item) -> map(item).forEach((method, op) -> {
                    if (!METHODS.contains(method)) {
                        return;
                    }
                    Map<String, Object> operation = map(op);
                    assertThat(operation).as(method + " " + path).containsKeys("summary", "responses", "operationId");
                    Map<String, Object> responses = map(operation.get("responses"));
                    if (!method.equals("get")) {
                        assertThat(operation.get("security"))
                                .as(method + " " + path + " needs the token")
                                .isEqualTo(List.of(Map.of("bearer", List.of())));
                        assertThat(responses).as(method + " " + path).containsKeys("401", "403");
                    }
                }));
    }

    private static void collectRefs(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    out.add((String) v);
                } else {
                    collectRefs(v, out);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, out));
        }
    }
}
