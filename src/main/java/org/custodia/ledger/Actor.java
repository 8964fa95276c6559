package org.custodia.ledger;

import java.util.Objects;

/** The named official (account) who made a change, and the roles under which it was allowed. */
public record Actor(String account, String roles) {
    public Actor {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roles, "roles");
    }

    public static Actor of(org.custodia.platform.Official official) {
        return new Actor(official.username(), official.rolesText());
    }

    /** Changes made by Custodia itself (initial load of an existing population), never by a person. */
    public static final Actor SYSTEM = new Actor("sistema", "SYSTEM");
}
