package org.custodia.platform;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The named official making a request: roles, and the facilities (by code) whose people they may see, or the whole
 * service when {@code national}.
 */
public record Official(String username, String displayName, Set<Role> roles, boolean national,
                       Set<String> facilities) {
    public Official {
        roles = Set.copyOf(roles);
        facilities = Set.copyOf(facilities);
    }

    public boolean sees(String facilityCode) {
        return national || facilities.contains(facilityCode);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Roles as recorded in the ledger and the access log: sorted, comma-separated. */
    public String rolesText() {
        return roles.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    /** The facility codes for SQL filters; empty array with {@code national} means no filter. */
    public String[] facilityArray() {
        return facilities.toArray(String[]::new);
    }
}
