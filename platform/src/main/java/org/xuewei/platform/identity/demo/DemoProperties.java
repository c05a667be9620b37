package org.xuewei.platform.identity.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The demo profile's settings.
 *
 * @param loginsFile where the demo staff logins (with their generated passwords) are written, owner-only
 */
@ConfigurationProperties("xuewei.demo")
public record DemoProperties(@DefaultValue("data/demo-logins.txt") Path loginsFile) {
}
