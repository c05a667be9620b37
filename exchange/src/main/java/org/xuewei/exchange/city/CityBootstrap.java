package org.xuewei.exchange.city;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.config.ExchangeProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/** On a server start with an empty exchange, generates and loads the default city (demo profile). */
@Component
@ConditionalOnWebApplication
class CityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CityBootstrap.class);

    private final ExchangeProperties properties;
    private final CityLoader loader;
    private final Clock clock;

    CityBootstrap(ExchangeProperties properties, CityLoader loader, Clock clock) {
        this.properties = properties;
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        ExchangeProperties.City city = properties.city();
        if (!city.generateIfEmpty()) {
            return;
        }
        Path dir = Path.of(city.catalogDir());
        if (loader.loaded() && loader.lacksBirthRegistry()) {
            // a city loaded before the birth registry existed: the same seed, scale and season give the same records
            // and now the 出生医学证明 too
            CityGenerator.Options same = new CityGenerator.Options(Long.parseLong(loader.meta("seed").orElseThrow()),
                    Integer.parseInt(loader.meta("scale").orElseThrow()), Integer.parseInt(loader.meta("season").orElseThrow()));
            log.info("The loaded city has no birth registry; generating it again with {}", same);
            GeneratedCity generated = new CityGenerator().generate(same);
            loader.load(generated);
            write(generated.catalog().toJson(), dir);
            return;
        }
        if (loader.loaded()) {
            if (!dir.resolve("catalog.json").toFile().exists()) {
                loader.catalogJson().ifPresent(json -> write(json.getBytes(StandardCharsets.UTF_8), dir));
            }
            return;
        }
        int season = city.season() > 0 ? city.season() : CityGenerator.defaultSeason(LocalDate.now(clock));
        long start = System.nanoTime();
        GeneratedCity generated = new CityGenerator().generate(
                new CityGenerator.Options(city.seed(), CityGenerator.parseScale(city.scale()), season));
        log.info("Generated city seed={} scale={} season={} in {} ms: {}", city.seed(), city.scale(), season,
                (System.nanoTime() - start) / 1_000_000, generated.stats());
        loader.load(generated);
        write(generated.catalog().toJson(), dir);
    }

    private static void write(byte[] json, Path dir) {
        try {
            log.info("Catalog export written to {}", CityLoader.writeCatalog(json, dir).toAbsolutePath());
        } catch (java.io.IOException e) {
            log.warn("Could not write the catalog export to {}: {}", dir, e.getMessage());
        }
    }
}
