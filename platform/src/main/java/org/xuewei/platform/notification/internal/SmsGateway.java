package org.xuewei.platform.notification.internal;

import java.util.UUID;

/**
 * An SMS gateway (短信网关). {@code deliveryId} is the client message id the gateway de-duplicates by, so sending
 * the same delivery twice (after a crash between send and mark) reaches the phone once.
 */
public interface SmsGateway {

    /** @return false when this delivery id was sent before (nothing sent now) */
    boolean send(UUID deliveryId, String phone, String text);
}
