package org.custodia.accounts;

import java.time.Instant;
import java.util.Map;

/**
 * A change to an account (opened, disabled, enabled, password changed or reset, roles or scope changed, locked
 * after failed logins, unlocked), published inside the transaction of the change so that the ledger module records
 * it on the national chain in that same transaction. {@code by}: the official, or {@code sistema} for a lockout.
 */
public record AccountEvent(String type, String account, String by, String byRoles, Map<String, Object> details,
                           Instant at) {
}
