package dev.chikuden.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Results are records: no public method of any module (core, optimize, ems, the command line)
 * hands out a string-keyed map of objects or a JSON tree. A free-form value may, where named here
 * with the reason; so may the configuration's input side (the kit and the file-shaped records the
 * readers bind a file into, where one key takes several shapes, such as {@code contract: auto}
 * or a power or a mapping).
 */
@AnalyzeClasses(packages = "dev.chikuden", importOptions = ImportOption.DoNotIncludeTests.class)
class ResultTypesTest {
    /**
     * The audit log keeps the client's request body as it was sent: free-form by nature. A JSON-RPC
     * envelope of the fleet link carries its method's params and result as JSON until the method is
     * known; each method then reads them into its own record.
     */
    private static final Set<String> FREE_FORM = Set.of(
            "dev.chikuden.ems.api.AuditLog$What.body()",
            "dev.chikuden.ems.fleet.Rpc.params()",
            "dev.chikuden.ems.fleet.Rpc.result()");

    @ArchTest
    static final ArchRule noResultIsAnUntypedMap = methods()
            .that()
            .arePublic()
            .and(DescribedPredicate.describe(
                    "are not a named free-form value",
                    (JavaMethod m) -> !FREE_FORM.contains(m.getOwner().getName() + "." + m.getName() + "()")))
            .and(DescribedPredicate.describe(
                    "are not on the configuration's input side",
                    (JavaMethod m) -> !inputSide(m.getOwner().getName())))
            .should(
                    new ArchCondition<>(
                            "return a typed result, not Map<String, Object>, Map<String, ?> or a JSON tree") {
                        @Override
                        public void check(JavaMethod m, ConditionEvents events) {
                            if (untyped(m.getReturnType())) {
                                events.add(SimpleConditionEvent.violated(
                                        m,
                                        m.getFullName() + " returns "
                                                + m.getReturnType().getName()));
                            }
                        }
                    });

    static boolean inputSide(String owner) {
        return owner.startsWith("dev.chikuden.config.") || owner.contains("File$") || owner.contains("Reader$");
    }

    static boolean untyped(JavaType t) {
        if (t.toErasure().isAssignableTo(JsonNode.class)) {
            return true;
        }
        if (!(t instanceof JavaParameterizedType p) || !t.toErasure().isAssignableTo(Map.class)) {
            return false;
        }
        List<JavaType> args = p.getActualTypeArguments();
        if (args.size() != 2 || !args.get(0).toErasure().isEquivalentTo(String.class)) {
            return false;
        }
        JavaType value = args.get(1);
        return value.toErasure().isEquivalentTo(Object.class) || value.getName().startsWith("?");
    }

    /** The check itself can fail: a map of objects, a map of anything and a JSON tree are caught. */
    @Test
    void theCheckCatchesEachUntypedShape() {
        var owner = new ClassFileImporter().importClass(Shapes.class);
        assertThat(untyped(owner.getMethod("objects").getReturnType())).isTrue();
        assertThat(untyped(owner.getMethod("anything").getReturnType())).isTrue();
        assertThat(untyped(owner.getMethod("tree").getReturnType())).isTrue();
        assertThat(untyped(owner.getMethod("lineItems").getReturnType())).isFalse();
    }

    @SuppressWarnings("unused")
    static final class Shapes {
        public Map<String, Object> objects() {
            return null;
        }

        public Map<String, ?> anything() {
            return null;
        }

        public JsonNode tree() {
            return null;
        }

        public Map<String, Long> lineItems() {
            return null;
        }
    }
}
