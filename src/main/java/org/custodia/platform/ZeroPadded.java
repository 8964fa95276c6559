package org.custodia.platform;

/**
 * A non-negative number written with leading zeros to a width ({@code of(42, 4)} is {@code "0042"}), as
 * {@code String.format("%04d", …)} writes it, for numbers made per person (booking numbers, the demo's documents):
 * a {@code Formatter} per call was a visible part of loading a population.
 */
public final class ZeroPadded {
    private ZeroPadded() {
    }

    public static String of(long n, int width) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
