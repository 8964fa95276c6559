package org.custodia.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking: read from the security context that the accounts module fills at login. */
public final class Officials {
    private Officials() {
    }

    /** Implemented by the authenticated principal. */
    public interface Holder {
        Official official();
    }

    public static Official current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Holder h) {
            return h.official();
        }
        throw new IllegalStateException("no authenticated official");
    }
}
