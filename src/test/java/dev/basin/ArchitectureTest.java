package dev.basin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.basin.store.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;

/**
 * The rules of the house (README, "Architecture") as tests over the production classes: geometry depends on the JDK
 * only; store on geometry only; features never on the layers above them; no cycles between packages;
 * {@code store.internal} is the store's own; only the store executes statements that write; a table's SQL lives in the
 * feature that owns it (a source scan: the compiler folds SQL strings into constants ArchUnit cannot see).
 */
class ArchitectureTest {
    private static final String[] TOP = {"dev.basin.api..", "dev.basin.cli..", "dev.basin.session.."};
    /** Packages that are not features: the two foundations, the three top layers and the engine's root package. */
    private static final String[] NOT_FEATURES = {"dev.basin.geometry..", "dev.basin.store..", "dev.basin.api..",
            "dev.basin.cli..", "dev.basin.session..", "dev.basin"};
    /** Methods that execute SQL that may write (a query's {@code createQuery} is a read). */
    private static final Set<String> WRITING_HANDLE_METHODS = Set.of("execute", "createUpdate", "prepareBatch",
            "createScript", "createCall");
    private static final Set<String> WRITING_JDBC_METHODS = Set.of("executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.basin");
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }

    /** The JDK's own packages ({@code java..}, and {@code jdk..} such as the incubating Vector API) only. */
    @Test
    void geometryDependsOnTheJdkOnly() {
        check(noClasses().that().resideInAPackage("dev.basin.geometry..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "jdk..", "dev.basin.geometry.."));
    }

    @Test
    void storeImportsNoOtherBasinPackage() {
        check(noClasses().that().resideInAPackage("dev.basin.store..")
                .should().dependOnClassesThat(DescribedPredicate.describe("in a Basin package other than store and geometry",
                        c -> c.getPackageName().startsWith("dev.basin")
                                && !c.getPackageName().startsWith("dev.basin.store")
                                && !c.getPackageName().startsWith("dev.basin.geometry"))));
    }

    @Test
    void featuresNeverDependOnTheLayersAboveThem() {
        check(noClasses().that().resideInAPackage("dev.basin..").and().resideOutsideOfPackages(NOT_FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage(TOP)
                .orShould().dependOnClassesThat().resideInAPackage("dev.basin"));
    }

    @Test
    void noCyclesBetweenPackages() {
        check(slices().matching("dev.basin.(*)..").should().beFreeOfCycles());
    }

    @Test
    void storeInternalIsTheStoresOwn() {
        check(noClasses().that().resideOutsideOfPackage("dev.basin.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.basin.store.internal.."));
    }

    @Test
    void onlyTheStoreExecutesWritingStatements() {
        DescribedPredicate<JavaMethodCall> writes = DescribedPredicate.describe(
                "a statement that may write (Handle.execute/createUpdate/prepareBatch/createScript/createCall, "
                        + "JDBC executeUpdate/executeBatch, COPY FROM STDIN)",
                call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    return owner.equals(Handle.class.getName()) && WRITING_HANDLE_METHODS.contains(name)
                            || (call.getTargetOwner().isAssignableTo(Statement.class)
                                    || call.getTargetOwner().isAssignableTo(PreparedStatement.class))
                                    && WRITING_JDBC_METHODS.contains(name)
                            || owner.equals(CopyManager.class.getName()) && name.startsWith("copyIn");
                });
        check(noClasses().that().resideOutsideOfPackage("dev.basin.store..").should().callMethodWhere(writes));
    }

    /** The session's rules decide from measured input only: no engine, no store, nothing of the driver or behaviour. */
    @Test
    void theSessionsRulesArePure() {
        check(noClasses().that().resideInAPackage("dev.basin.session.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.basin", "dev.basin.session",
                        "dev.basin.session.behaviour..", "dev.basin.store.."));
    }

    /** The kernels' behaviour never depends on the session's driver. */
    @Test
    void theKernelsBehaviourDoesNotDependOnTheDriver() {
        check(noClasses().that().resideInAPackage("dev.basin.session.behaviour..")
                .should().dependOnClassesThat().resideInAPackage("dev.basin.session"));
    }

    /** No abstract base class in the session: shared helpers are composed, not inherited. */
    @Test
    void theSessionHasNoAbstractBaseClass() {
        check(noClasses().that().resideInAPackage("dev.basin.session..").and().areNotInterfaces()
                .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT));
    }

    /** api, cli and session hold no handle or query of their own: they read through the features (and store's probes). */
    @Test
    void theTopLayersReadThroughTheFeatures() {
        check(noClasses().that().resideInAnyPackage(TOP).should().dependOnClassesThat().resideInAPackage("org.jdbi.."));
    }

    /** SQL naming a table: the keyword that introduces a table reference, then the name as a whole word. */
    private static Pattern tableReference(String table) {
        return Pattern.compile("\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + Pattern.quote(table) + "\\b");
    }

    /**
     * Every {@code FROM/JOIN/INTO/UPDATE <table>} in the production sources stands in the package of the feature that
     * declares the table, or in {@code store}: the api, cli and session layers and the other features call the owner.
     */
    @Test
    void eachTablesSqlLivesInItsOwningFeature() throws IOException {
        Path root = Path.of("src/main/java/dev/basin");
        List<Path> sources;
        try (Stream<Path> s = Files.walk(root)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("production sources found").hasSizeGreaterThan(100);
        List<Table<?>> tables = BasinEngine.tables();
        assertThat(tables).as("declared tables").hasSize(25);
        List<String> outside = new ArrayList<>();
        int references = 0;
        for (Path file : sources) {
            Path rel = root.relativize(file);
            String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
            String text = Files.readString(file);
            for (Table<?> t : tables) {
                Matcher m = tableReference(t.name()).matcher(text);
                while (m.find()) {
                    references++;
                    if (!pkg.equals(t.owner()) && !pkg.equals("store")) {
                        outside.add(rel + ": " + m.group() + " (owned by " + t.owner() + ")");
                    }
                }
            }
        }
        assertThat(references).as("table references found (the scan reads SQL)").isGreaterThan(50);
        assertThat(outside).as("SQL naming a table outside its owning feature").isEmpty();
    }
}
