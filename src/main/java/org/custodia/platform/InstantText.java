package org.custodia.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An instant written exactly as {@link Instant#toString()} writes it ({@code 2026-11-30T10:00:05.123456Z}: seconds
 * always, the fraction in groups of three digits, none when zero), for what is written per row in bulk: every ledger
 * entry's canonical text (hashed, so these bytes are the chain's) and the instants of a bulk copy. The JDK's
 * formatter behind {@code toString} was a sixth of the time of making a ledger entry ready. Years outside
 * 1000..9999, which {@code toString} writes with a sign or padding, are left to it.
 */
public final class InstantText {
    private static final long YEAR_1000 = -30_610_224_000L;     // 1000-01-01T00:00:00Z
    private static final long YEAR_10000 = 253_402_300_800L;    // 10000-01-01T00:00:00Z

    private InstantText() {
    }

    public static String of(Instant instant) {
        return append(new StringBuilder(30), instant).toString();
    }

    public static StringBuilder append(StringBuilder sb, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_1000 || seconds >= YEAR_10000) {
            return sb.append(instant);
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int nano = instant.getNano();
        if (nano != 0) {
            sb.append('.');
            if (nano % 1_000_000 == 0) {
                digits(sb, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(sb, nano / 1_000, 6);
            } else {
                digits(sb, nano, 9);
            }
        }
        return sb.append('Z');
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static void digits(StringBuilder sb, int n, int width) {
        for (int d = width - 1, div = pow10(d); d >= 0; d--, div /= 10) {
            sb.append((char) ('0' + n / div % 10));
        }
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
