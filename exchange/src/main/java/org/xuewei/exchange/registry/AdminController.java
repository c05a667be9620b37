package org.xuewei.exchange.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuewei.exchange.city.CityLoader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Operator API: faults per registry, the catalog export, the manifest of planted cases, the call log. */
@RestController
@RequestMapping("/exchange/admin")
@Tag(name = "admin")
@SecurityRequirement(name = "oauth2")
class AdminController {

    private final Faults faults;
    private final CityLoader city;
    private final CallLog callLog;
    private final JdbcClient jdbc;
    private final Clock clock;

    AdminController(Faults faults, CityLoader city, CallLog callLog, JdbcClient jdbc, Clock clock) {
        this.faults = faults;
        this.city = city;
        this.callLog = callLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Operation(summary = "Current latency, error rate, rate limit and outage windows of every registry")
    @GetMapping("/faults")
    Map<Registry, Faults.Settings> faults() {
        return faults.all();
    }

    @Operation(summary = "Replace the fault settings of one registry")
    @PutMapping("/faults/{registry}")
    Faults.Settings setFaults(@PathVariable String registry, @Valid @RequestBody Faults.Settings settings) {
        Registry r = registry(registry);
        faults.set(r, settings);
        return faults.get(r);
    }

    @Operation(summary = "Start an outage of one registry now, for the given number of seconds")
    @PostMapping("/faults/{registry}/outage")
    Faults.Settings outage(@PathVariable String registry, @RequestParam(defaultValue = "60") int seconds) {
        if (seconds < 1 || seconds > 86_400) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-duration", "seconds must be between 1 and 86400");
        }
        Registry r = registry(registry);
        Faults.Settings s = faults.get(r);
        Instant now = Instant.now(clock);
        List<Faults.Outage> outages = new ArrayList<>(s.outages());
        outages.add(new Faults.Outage(now, now.plusSeconds(seconds)));
        faults.set(r, new Faults.Settings(s.latencyMinMs(), s.latencyMaxMs(), s.errorRate(), s.rateLimitPerSecond(), outages));
        return faults.get(r);
    }

    @Operation(summary = "Reset every registry to the configured defaults")
    @DeleteMapping("/faults")
    Map<Registry, Faults.Settings> reset() {
        faults.reset();
        return faults.all();
    }

    @Operation(summary = "The education bureau's catalog export (format xuewei-catalog/1): schools, zones, plans")
    @GetMapping(value = "/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> catalog() {
        return city.catalogJson().map(ResponseEntity::ok)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no-city", "No city has been generated yet."));
    }

    @Operation(summary = "Generation parameters, family categories and planted cases (counts)")
    @GetMapping("/manifest")
    Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", city.meta("seed").orElse(null));
        m.put("scale", city.meta("scale").orElse(null));
        m.put("season", city.meta("season").orElse(null));
        m.put("digest", city.meta("digest").orElse(null));
        m.put("families", jdbc.sql("select count(*) from exchange.family").query(Long.class).single());
        m.put("categories", jdbc.sql("select category::text as k, count(*) as n from exchange.family group by category order by category")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list());
        m.put("plantedCases", jdbc.sql("select case_code, count(*) as n, count(distinct family_no) as families from exchange.manifest "
                        + "group by case_code order by case_code")
                .query((rs, i) -> Map.of("case", rs.getString(1), "records", rs.getLong(2), "families", rs.getLong(3))).list());
        return m;
    }

    @Operation(summary = "The most recent registry calls (subjects as keyed hash and mask only)")
    @GetMapping("/calls")
    List<Map<String, Object>> calls(@RequestParam(defaultValue = "50") int limit) {
        return callLog.recent(limit);
    }

    private static Registry registry(String name) {
        try {
            return Registry.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown-registry", "Unknown registry; one of " + List.of(Registry.values()));
        }
    }
}
