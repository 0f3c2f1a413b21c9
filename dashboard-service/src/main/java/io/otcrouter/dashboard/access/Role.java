package io.otcrouter.dashboard.access;

import java.util.Locale;

/**
 * What a signed-in person may do, each role including the ones below it (see {@code SecurityConfig}'s role
 * hierarchy): a viewer sees every page, the read API and the live stream; a trader also quotes and trades; an admin
 * also activates, deactivates and refills OTC pools.
 */
public enum Role {
    VIEWER, TRADER, ADMIN;

    /** The Spring Security authority of this role, {@code ROLE_<NAME>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** As it is written in {@code DASHBOARD_USERS} and shown in the navigation bar: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be viewer, trader or admin");
    }
}
