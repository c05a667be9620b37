package org.xuewei.exchange.city;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.xuewei.exchange.config.ExchangeProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar xuewei-exchange.jar generate [--seed S] [--scale N|demo|nanchang] [--season Y]
 * [--catalog-dir DIR] [--csv-dir DIR] [--no-load]}: generates a city, loads it with COPY, writes the
 * catalog export and exits. Runs without a web server.
 */
@Component
@ConditionalOnProperty(name = "xuewei.exchange.command", havingValue = "generate")
class GenerateCommand implements ApplicationRunner {

    private final CityLoader loader;
    private final ExchangeProperties properties;
    private final Clock clock;

    GenerateCommand(CityLoader loader, ExchangeProperties properties, Clock clock) {
        this.loader = loader;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Map<String, String> o = options(List.of(args.getSourceArgs()));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        int scale = CityGenerator.parseScale(o.getOrDefault("scale", "demo"));
        int season = o.containsKey("season") ? Integer.parseInt(o.get("season")) : CityGenerator.defaultSeason(LocalDate.now(clock));
        long t0 = System.nanoTime();
        GeneratedCity city = new CityGenerator().generate(new CityGenerator.Options(seed, scale, season));
        long t1 = System.nanoTime();
        System.out.printf("generated seed=%d scale=%d season=%d: %s%n  %,d rows in %.1f s, digest %s%n", seed, scale, season,
                city.stats(), city.rows(), (t1 - t0) / 1e9, city.digest());
        if (o.containsKey("csv-dir")) {
            Path dir = Path.of(o.get("csv-dir"));
            Files.createDirectories(dir);
            for (Table t : city.tables()) {
                Files.writeString(dir.resolve(t.name() + ".tsv"), String.join("\t", t.columns()) + "\n" + t.text());
            }
        }
        Path catalog = CityLoader.writeCatalog(city.catalog().toJson(), Path.of(o.getOrDefault("catalog-dir", properties.city().catalogDir())));
        System.out.println("  catalog export: " + catalog.toAbsolutePath());
        if (!o.containsKey("no-load")) {
            loader.load(city);
            System.out.printf("  loaded with COPY in %.1f s (total %.1f s)%n", (System.nanoTime() - t1) / 1e9, (System.nanoTime() - t0) / 1e9);
        }
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                continue;
            }
            String key = a.substring(2);
            if (key.contains("=")) {
                o.put(key.substring(0, key.indexOf('=')), key.substring(key.indexOf('=') + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                o.put(key, args.get(++i));
            } else {
                o.put(key, "true");
            }
        }
        return o;
    }
}
