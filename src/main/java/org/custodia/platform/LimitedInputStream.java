package org.custodia.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to read past a number of bytes ({@link TooLarge}): a request body is never read further than it may be.
 * {@link #close()} leaves the underlying stream open for whoever owns it.
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long max;
    private long read;

    public LimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(Math.max(n, 0));
        return n;
    }

    @Override
    public void close() {
        // the owner of the underlying stream closes it
    }

    private void count(int n) throws TooLarge {
        read += n;
        if (read > max) {
            throw new TooLarge(max);
        }
    }

    /** Reading went past the limit. */
    public static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("more than " + max + " bytes");
        }
    }

    /** True when {@code e} or one of its causes is a {@link TooLarge}. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }
}
