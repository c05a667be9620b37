package org.xuewei.platform.identity;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * ID numbers (身份证号) at rest: a keyed hash (HMAC-SHA256) to find a person without storing the number, and AES-GCM
 * ciphertext when the number itself is needed again (to ask the registries). Screens show {@link #mask(String)} only.
 */
@Component
public class PersonalData {

    private final SecretKeySpec hashKey;
    private final SecretKeySpec cipherKey;
    private final SecureRandom random = new SecureRandom();
    /** One cipher and one MAC per thread, initialised anew for every use (looking them up cost more than using them). */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> instance(() -> Mac.getInstance("HmacSHA256")));

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM and HmacSHA256 are part of every JDK", e);
        }
    }

    public PersonalData(PersonalDataProperties properties) {
        if (properties.key() == null || properties.key().isBlank()) {
            this.hashKey = null;
            this.cipherKey = null;
            return;
        }
        byte[] master = Base64.getDecoder().decode(properties.key().trim());
        if (master.length < 32) {
            throw new IllegalStateException("xuewei.identity.personal-data.key must be 32 bytes (base64)");
        }
        this.hashKey = new SecretKeySpec(derive(master, "lookup-hash"), "HmacSHA256");
        this.cipherKey = new SecretKeySpec(derive(master, "aes-gcm"), "AES");
    }

    /** The look-up hash (64 hex characters) of an ID number; upper-cases the check character first. */
    public String lookupHash(String idNumber) {
        return HexFormat.of().formatHex(mac(hashKey(), normalise(idNumber).getBytes(StandardCharsets.UTF_8)));
    }

    /** AES-GCM ciphertext, base64 of 12-byte nonce + ciphertext and tag. */
    public String encrypt(String idNumber) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, cipherKey(), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(normalise(idNumber).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    public String decrypt(String ciphertext) {
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, cipherKey(), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ciphertext does not open with the configured key", e);
        }
    }

    /** {@code 3601**********123X}: the first four and the last four characters. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return "****";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    /** A mobile number as screens show it: the first three and last four digits (138****5678). */
    public static String maskPhone(String phone) {
        String p = phone == null ? "" : phone.strip();
        if (p.length() < 8) {
            return "****";
        }
        return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }

    private static String normalise(String idNumber) {
        return idNumber.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private SecretKeySpec hashKey() {
        if (hashKey == null) {
            throw new IllegalStateException("set xuewei.identity.personal-data.key (XUEWEI_IDENTITY_PERSONALDATA_KEY) to store ID numbers");
        }
        return hashKey;
    }

    private SecretKeySpec cipherKey() {
        hashKey();
        return cipherKey;
    }

    private static byte[] derive(byte[] master, String purpose) {
        return mac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = HMAC.get();
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
