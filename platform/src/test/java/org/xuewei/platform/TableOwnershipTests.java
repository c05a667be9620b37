package org.xuewei.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module reads another module's tables: every module keeps its tables in the PostgreSQL schema
 * named after it, and its SQL (string literals in its Java sources, and its migrations) names no
 * other module's schema, nor {@code public} or the exchange's {@code exchange}.
 */
class TableOwnershipTests {

    static final Path JAVA = Path.of("src/main/java/org/xuewei/platform");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** Infrastructure schemas that are not a module's. */
    static final Set<String> SHARED = Set.of("modulith");

    static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void every_migration_folder_belongs_to_a_module() throws IOException {
        Set<String> modules = modules();
        for (String schema : folders(MIGRATIONS)) {
            assertThat(modules.contains(schema) || SHARED.contains(schema))
                    .as("db/migration/%s must be named after a module", schema).isTrue();
        }
    }

    @Test
    void modules_name_only_their_own_schema_in_sql() throws IOException {
        Set<String> schemas = new TreeSet<>(modules());
        schemas.addAll(SHARED);
        schemas.add("public");
        schemas.add("exchange");
        Pattern qualified = Pattern.compile("(?<![\\w.$/-])(" + String.join("|", schemas) + ")\\.([a-z_][a-z0-9_]*)");
        List<String> violations = new ArrayList<>();
        for (String module : modules()) {
            for (Path file : files(JAVA.resolve(module), ".java")) {
                for (String literal : stringLiterals(Files.readString(file))) {
                    collect(qualified, literal, module, file, violations);
                }
            }
            for (Path file : files(MIGRATIONS.resolve(module), ".sql")) {
                collect(qualified, Files.readString(file), module, file, violations);
            }
        }
        assertThat(violations).as("SQL that names another module's schema").isEmpty();
    }

    @Test
    void the_check_sees_a_foreign_table() {
        Pattern qualified = Pattern.compile("(?<![\\w.$/-])(identity|catalog)\\.([a-z_][a-z0-9_]*)");
        List<String> violations = new ArrayList<>();
        for (String literal : stringLiterals("String sql = \"select * from identity.staff_account\";")) {
            collect(qualified, literal, "catalog", Path.of("Example.java"), violations);
        }
        assertThat(violations).hasSize(1);
    }

    private static void collect(Pattern qualified, String sql, String module, Path file, List<String> violations) {
        Matcher matcher = qualified.matcher(sql);
        while (matcher.find()) {
            if (!matcher.group(1).equals(module)) {
                violations.add(file + ": " + matcher.group());
            }
        }
    }

    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        StringBuilder rest = new StringBuilder();
        while (blocks.find()) {
            literals.add(blocks.group(1));
            blocks.appendReplacement(rest, "");
        }
        blocks.appendTail(rest);
        String withoutComments = rest.toString().replaceAll("(?m)^\\s*(//|\\*|/\\*).*$", "");
        Matcher strings = STRING.matcher(withoutComments);
        while (strings.find()) {
            literals.add(strings.group(1));
        }
        return literals;
    }

    static Set<String> modules() throws IOException {
        Set<String> modules = new TreeSet<>();
        for (String folder : folders(JAVA)) {
            if (Files.exists(JAVA.resolve(folder).resolve("package-info.java"))) {
                modules.add(folder);
            }
        }
        return modules;
    }

    private static Set<String> folders(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).forEach(child -> names.add(child.getFileName().toString()));
        }
        return names;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
