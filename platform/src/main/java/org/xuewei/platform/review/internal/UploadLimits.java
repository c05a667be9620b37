package org.xuewei.platform.review.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Supplements may be 10 MB; the servlet's multipart limits (default 1 MB per file) are raised a little above that
 * (review/upload.properties) so that {@code Supplements} can refuse an oversized file with a message that says what
 * to fix. Values set in application.properties win over these.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:review/upload.properties")
class UploadLimits {
}
