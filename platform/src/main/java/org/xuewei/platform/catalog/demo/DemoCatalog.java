package org.xuewei.platform.catalog.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xuewei.platform.catalog.CatalogImport;
import org.xuewei.platform.catalog.Editor;
import org.xuewei.platform.catalog.ImportProblem;
import org.xuewei.platform.catalog.ImportResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Demo profile only: when the catalog is empty, imports the synthetic city's catalog.json through
 * {@link CatalogImport} (the same checks as a district's workbook), acting for the city. The exchange
 * writes that file on its first start, possibly after the platform is up, so a background thread looks
 * for it every few seconds until it appears (or gives up after a while and says so in the log).
 */
@Component
@Profile("demo")
class DemoCatalog implements ApplicationRunner, DisposableBean {

    static final String ACTOR = "system:demo";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CatalogImport catalog;
    private final Path file;
    private final Duration interval;
    private final Duration giveUpAfter;
    private volatile Thread worker;

    DemoCatalog(CatalogImport catalog, DemoCatalogProperties properties, Environment environment) {
        this.catalog = catalog;
        this.file = properties.file() != null && !properties.file().toString().isBlank() ? properties.file()
                : Path.of(environment.getProperty("xuewei.data-dir", "data"), "city", "catalog", "catalog.json");
        this.interval = properties.pollInterval();
        this.giveUpAfter = properties.giveUpAfter();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!catalog.catalogEmpty()) {
            log.info("Catalog has schools; the demo catalog import is skipped");
            return;
        }
        Thread thread = new Thread(this::poll, "demo-catalog-import");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Looks for the file until it is imported, refused, or the time is up; true when imported. */
    boolean poll() {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        boolean waiting = false;
        while (!Thread.currentThread().isInterrupted()) {
            Outcome outcome = attempt();
            if (outcome != Outcome.MISSING) {
                return outcome == Outcome.IMPORTED;
            }
            if (!waiting) {
                log.info("Waiting for the synthetic city's catalog at {} (the exchange writes it on first start)", file);
                waiting = true;
            }
            if (System.nanoTime() > deadline) {
                log.warn("No catalog at {} after {}; import it from the district console instead", file, giveUpAfter);
                return false;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    enum Outcome { IMPORTED, REFUSED, MISSING }

    Outcome attempt() {
        if (!Files.isRegularFile(file)) {
            return Outcome.MISSING;
        }
        if (!catalog.catalogEmpty()) {
            return Outcome.IMPORTED;
        }
        ImportResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = catalog.importCatalogJson(in, Editor.city(ACTOR, ""), Locale.SIMPLIFIED_CHINESE);
        } catch (IOException e) {
            log.debug("Could not read {} yet: {}", file, e.getMessage());
            return Outcome.MISSING;
        }
        if (result.written()) {
            log.info("Imported the synthetic city's catalog from {}: {} schools, {} zones, {} plans", file,
                    result.schools(), result.zones(), result.plans());
            return Outcome.IMPORTED;
        }
        if (result.problems().stream().anyMatch(p -> p.code().equals("unreadable-json"))) {
            return Outcome.MISSING; // still being written; look again
        }
        log.warn("The catalog at {} was refused with {} problems, e.g.:", file, result.problems().size());
        for (ImportProblem problem : result.problems().stream().limit(10).toList()) {
            log.warn("  {} {}", problem.location(), problem.message());
        }
        return Outcome.REFUSED;
    }

    @Override
    public void destroy() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }
}
