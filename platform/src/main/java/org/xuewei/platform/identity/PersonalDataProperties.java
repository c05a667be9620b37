package org.xuewei.platform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys protecting personal data (个人信息保护).
 *
 * @param key base64 of 32 random bytes; the HMAC look-up key and the AES-GCM key are derived from it. Only the
 *            demo and test profiles ship a value; elsewhere it must come from the environment
 *            ({@code XUEWEI_IDENTITY_PERSONALDATA_KEY}).
 */
@ConfigurationProperties("xuewei.identity.personal-data")
public record PersonalDataProperties(String key) {
}
