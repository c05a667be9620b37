package org.xuewei.platform.catalog.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.xuewei.platform.catalog.CatalogImport;
import org.xuewei.platform.catalog.Editor;
import org.xuewei.platform.catalog.ImportResult;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The demo import waits for the exchange's catalog.json and imports it once, for the city. */
class DemoCatalogTests {

    @TempDir
    Path dir;

    @Test
    void the_file_is_found_under_the_data_dir_and_imported_for_the_city() throws Exception {
        CatalogImport catalog = mock(CatalogImport.class);
        when(catalog.catalogEmpty()).thenReturn(true);
        when(catalog.importCatalogJson(any(InputStream.class), any(Editor.class), any(Locale.class)))
                .thenReturn(new ImportResult(true, List.of(), 4, 3, 4));
        MockEnvironment environment = new MockEnvironment().withProperty("xuewei.data-dir", dir.toString());
        DemoCatalog demo = new DemoCatalog(catalog, new DemoCatalogProperties(null, Duration.ofMillis(10),
                Duration.ofSeconds(5)), environment);

        assertThat(demo.attempt()).isEqualTo(DemoCatalog.Outcome.MISSING);
        Path file = dir.resolve("city/catalog/catalog.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");

        assertThat(demo.poll()).isTrue();
        verify(catalog).importCatalogJson(any(InputStream.class),
                org.mockito.ArgumentMatchers.argThat(Editor::wholeCity), any(Locale.class));
    }

    @Test
    void it_gives_up_after_a_while_and_skips_a_catalog_that_is_not_empty() {
        CatalogImport catalog = mock(CatalogImport.class);
        AtomicInteger checks = new AtomicInteger();
        when(catalog.catalogEmpty()).then(invocation -> checks.incrementAndGet() < 0);
        DemoCatalog demo = new DemoCatalog(catalog, new DemoCatalogProperties(dir.resolve("none.json"),
                Duration.ofMillis(5), Duration.ofMillis(30)), new MockEnvironment());

        assertThat(demo.poll()).isFalse();
        demo.run(null);
        verify(catalog, never()).importCatalogJson(any(), any(), any());
    }
}
