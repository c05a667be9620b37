package org.xuewei.exchange.city;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** 公民身份号码 — citizen ID numbers under GB 11643-1999: region(6) + birth date(8) + sequence(3) + check. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumbers() {
    }

    /** Builds a number; odd sequence numbers are men, even ones women. */
    public static String of(String regionCode, LocalDate birthDate, int sequence) {
        if (regionCode.length() != 6 || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("region must have 6 digits and sequence be 0-999");
        }
        String body = regionCode + DATE.format(birthDate) + String.format("%03d", sequence);
        return body + checkDigit(body);
    }

    /** The mod 11-2 check character (ISO 7064) of the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** True when the number has the right shape, a real date and a correct check character. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        char last = id.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            return false;
        }
        // the birth date (uuuuMMdd) must exist; checked by hand: a batch validates up to 50 numbers per request
        int year = Integer.parseInt(id, 6, 10, 10);
        int month = Integer.parseInt(id, 10, 12, 10);
        int day = Integer.parseInt(id, 12, 14, 10);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        return checkDigit(id) == last;
    }

    public static LocalDate birthDate(String id) {
        return LocalDate.parse(id.substring(6, 14), DATE);
    }

    /** 'M' when the sequence (digit 17) is odd, 'F' when even. */
    public static char gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
    }

    /** Shows the region and the last four characters only: 3601**********123X. */
    public static String mask(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
