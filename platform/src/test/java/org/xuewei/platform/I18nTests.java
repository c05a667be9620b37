package org.xuewei.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string is translated (after spring-petclinic's I18nPropertiesSyncTest): each
 * {@code messages.properties} bundle (Chinese) and its {@code messages_en.properties} have the same
 * keys and no empty values, and no template has text or a visible attribute outside a message.
 */
class I18nTests {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path TEMPLATES = RESOURCES.resolve("templates");
    static final Pattern LETTER = Pattern.compile("\\p{L}");
    static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile(
            "(?<![:\\w-])(title|placeholder|alt|aria-label|aria-description|label|value)\\s*=\\s*(\"[^\"]*\"|'[^']*')",
            Pattern.CASE_INSENSITIVE);
    static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");

    @Test
    void every_key_is_in_both_languages() throws IOException {
        List<Path> bundles = bundles();
        assertThat(bundles).isNotEmpty();
        for (Path chinese : bundles) {
            Path english = chinese.resolveSibling("messages_en.properties");
            assertThat(english).as("English bundle next to %s", chinese).exists();
            Properties zh = load(chinese);
            Properties en = load(english);
            Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
            onlyZh.removeAll(en.stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
            onlyEn.removeAll(zh.stringPropertyNames());
            assertThat(onlyZh).as("keys of %s missing in %s", chinese, english).isEmpty();
            assertThat(onlyEn).as("keys of %s missing in %s", english, chinese).isEmpty();
            for (Properties bundle : List.of(zh, en)) {
                for (String key : bundle.stringPropertyNames()) {
                    assertThat(bundle.getProperty(key)).as("value of %s", key).isNotBlank();
                }
            }
        }
    }

    /**
     * The message source asks the basenames in order, and a basename without a bundle is asked again (and logged as a
     * warning) for every message found after it: 5,616 warnings in one HTTP load run for a {@code registry/messages}
     * that never existed.
     */
    @Test
    void every_registered_basename_has_a_bundle_and_every_bundle_is_registered() throws IOException {
        List<String> registered = List.of(load(RESOURCES.resolve("application.properties"))
                .getProperty("spring.messages.basename").split(","));
        List<String> present = bundles().stream()
                .map(b -> RESOURCES.relativize(b).toString().replace('\\', '/').replaceAll("\\.properties$", ""))
                .toList();
        assertThat(registered).as("spring.messages.basename").containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void no_bundle_has_a_bare_apostrophe_before_arguments() throws IOException {
        // MessageFormat swallows a single ' in messages with arguments; use ’ in English text
        for (Path bundle : bundles()) {
            for (Path file : List.of(bundle, bundle.resolveSibling("messages_en.properties"))) {
                Properties properties = load(file);
                for (String key : properties.stringPropertyNames()) {
                    String value = properties.getProperty(key);
                    assertThat(value.contains("'") && value.contains("{"))
                            .as("%s in %s has ' and {n}; write ’ or ''", key, file).isFalse();
                }
            }
        }
    }

    @Test
    void templates_have_no_hard_coded_text() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template, StandardCharsets.UTF_8)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?is)<script\\b[^>]*>.*?</script>", "<script></script>")
                    .replaceAll("(?is)<style\\b[^>]*>.*?</style>", "<style></style>");
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                String node = text.group(1).replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", "").trim();
                if (LETTER.matcher(node).find()) {
                    problems.add(TEMPLATES.relativize(template) + ": text \"" + node + "\"");
                }
            }
            Matcher attribute = VISIBLE_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (LETTER.matcher(attribute.group(2)).find()) {
                    problems.add(TEMPLATES.relativize(template) + ": attribute " + attribute.group());
                }
            }
        }
        assertThat(problems).as("hard-coded visible text; use th:text=\"#{…}\" or th:title etc.").isEmpty();
    }

    @Test
    void the_template_check_sees_hard_coded_text() {
        Matcher text = TEXT_NODE.matcher("<p class=\"x\">报名</p>");
        assertThat(text.find() && LETTER.matcher(text.group(1)).find()).isTrue();
        Matcher attribute = VISIBLE_ATTRIBUTE.matcher("<img alt=\"logo\"> <img th:alt=\"#{x}\">");
        assertThat(attribute.find()).isTrue();
        assertThat(attribute.find()).isFalse();
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            return walk.filter(p -> p.getFileName().toString().equals("messages.properties")).sorted().toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
