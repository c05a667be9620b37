package org.xuewei.exchange.registry;

import java.time.Instant;

/**
 * 数据共享交换平台 response envelope: request id, source registry and department, when the source
 * data was last synchronised (recordTime), when this answer was made, and the data.
 */
public record ExchangeResponse(String requestId, String registry, String sourceDepartment, String sourceSystem,
                               Instant recordTime, Instant respondedAt, Object data) {
}
