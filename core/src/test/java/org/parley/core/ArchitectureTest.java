package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of core, read from the sources (imports and fully qualified names, comments
 * left out): the feature packages never name {@code infrastructure}, which depends on them; only
 * {@code infrastructure.persistence} touches the {@code EntityManager} or Hibernate's API; the
 * modules that use core ({@code web}, {@code porting}) name only its API, never an {@code internal}
 * package, the unit of work or the infrastructure.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** The modules of this repository that use core, beside it. */
    private static final List<Path> USERS =
            List.of(Path.of("../web/src/main/java"), Path.of("../porting/src/main/java"));

    private static final String CORE = "org.parley.core";
    private static final String INFRASTRUCTURE = CORE + ".infrastructure";
    private static final String PERSISTENCE = INFRASTRUCTURE + ".persistence";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:[a-z]\\w*\\.)+)[A-Z]\\w*");
    private static final Pattern JPA_RUNTIME = Pattern.compile(
            "\\bjakarta\\.persistence\\.(EntityManager|EntityManagerFactory|EntityTransaction|TypedQuery|Query|criteria)\\b"
                    + "|\\borg\\.hibernate\\.(?!annotations\\.)");

    private static final Pattern NOT_API =
            Pattern.compile("^org\\.parley\\.core\\.(?:\\w+\\.internal|unitofwork|infrastructure)(?:\\.|$)");

    private static final List<SourceFile> FILES = new ArrayList<>();

    record SourceFile(Path path, String pkg, String code, Set<String> references) {
        boolean in(String prefix) {
            return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
        }
    }

    @BeforeAll
    static void readSources() throws IOException {
        FILES.addAll(read(SOURCES));
        assertTrue(FILES.size() > 100, "read core's sources from " + SOURCES.toAbsolutePath());
    }

    private static List<SourceFile> read(Path root) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = withoutComments(Files.readString(path));
                Matcher pkg = PACKAGE.matcher(code);
                assertTrue(pkg.find(), path + " declares its package");
                Set<String> references = new TreeSet<>();
                Matcher reference = REFERENCE.matcher(code);
                while (reference.find()) {
                    String named =
                            reference.group(1).substring(0, reference.group(1).length() - 1);
                    if (!named.equals(pkg.group(1))) {
                        references.add(named);
                    }
                }
                files.add(new SourceFile(path, pkg.group(1), code, references));
            }
        }
        return files;
    }

    @Test
    void featurePackagesNeverNameInfrastructure() {
        Map<String, Set<String>> offenders = new TreeMap<>();
        for (SourceFile file : FILES) {
            if (file.in(INFRASTRUCTURE) || file.path().endsWith("ParleyCore.java")) {
                continue; // ParleyCore assembles the library: it alone creates the Store
            }
            file.references().stream()
                    .filter(r -> r.equals(INFRASTRUCTURE) || r.startsWith(INFRASTRUCTURE + "."))
                    .forEach(r -> offend(offenders, file, r));
        }
        assertEquals(Map.of(), offenders, "feature packages depend on interfaces, not on infrastructure");
    }

    @Test
    void persistenceDependsOnTheFeaturePackagesItImplements() {
        Set<String> used = new TreeSet<>();
        FILES.stream()
                .filter(f -> f.in(PERSISTENCE))
                .flatMap(f -> f.references().stream())
                .filter(r -> r.startsWith(CORE + ".") && !r.startsWith(INFRASTRUCTURE))
                .forEach(used::add);
        assertTrue(
                used.containsAll(Set.of(CORE + ".site", CORE + ".comment", CORE + ".review", CORE + ".unitofwork")),
                "the scan sees persistence's imports: " + used);
    }

    @Test
    void onlyPersistenceTouchesTheEntityManagerOrHibernate() {
        List<String> offenders = FILES.stream()
                .filter(f -> !f.in(PERSISTENCE))
                .filter(f -> JPA_RUNTIME.matcher(f.code()).find())
                .map(f -> f.path().toString())
                .toList();
        assertEquals(List.of(), offenders);
        assertTrue(FILES.stream()
                .filter(f -> f.in(PERSISTENCE))
                .anyMatch(f -> JPA_RUNTIME.matcher(f.code()).find()));
    }

    @Test
    void supportNeedsNoFeaturePackage() {
        Map<String, Set<String>> offenders = new TreeMap<>();
        for (SourceFile file : FILES) {
            if (file.in(CORE + ".support")) {
                file.references().stream()
                        .filter(r -> r.startsWith(CORE + "."))
                        .forEach(r -> offend(offenders, file, r));
            }
        }
        assertEquals(Map.of(), offenders, "support may use the root package's exceptions only");
    }

    @Test
    void webAndPortingUseOnlyCoresApi() throws IOException {
        Map<String, Set<String>> offenders = new TreeMap<>();
        int read = 0;
        for (Path root : USERS) {
            for (SourceFile file : read(root)) {
                read++;
                file.references().stream()
                        .filter(r -> NOT_API.matcher(r).find())
                        .forEach(r -> offend(offenders, file, r));
            }
        }
        assertTrue(read > 50, "read the sources of " + USERS);
        assertEquals(Map.of(), offenders, "internal packages, the unit of work and infrastructure are core's own");
    }

    @Test
    void internalPackagesAreUsedInsideCore() {
        assertTrue(
                FILES.stream()
                        .flatMap(f -> f.references().stream())
                        .anyMatch(r -> NOT_API.matcher(r).find()),
                "the rule above would see a use of an internal package");
    }

    private static void offend(Map<String, Set<String>> offenders, SourceFile file, String reference) {
        offenders.computeIfAbsent(file.path().toString(), k -> new TreeSet<>()).add(reference);
    }

    /** Block and line comments removed (a {@code //} inside a string ends that line early: harmless here). */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }
}
