package org.xuewei.platform.catalog.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the demo finds the synthetic city's catalog export and how long it waits for it.
 *
 * @param file         the catalog.json the exchange writes; blank = {@code ${xuewei.data-dir}/city/catalog/catalog.json}
 * @param pollInterval how often to look for it while it is missing
 * @param giveUpAfter  how long to keep looking
 */
@ConfigurationProperties("xuewei.catalog.demo-import")
public record DemoCatalogProperties(Path file, @DefaultValue("5s") Duration pollInterval,
                                    @DefaultValue("20m") Duration giveUpAfter) {
}
