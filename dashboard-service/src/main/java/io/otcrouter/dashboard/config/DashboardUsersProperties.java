package io.otcrouter.dashboard.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param users who may sign in ({@code DASHBOARD_USERS}): comma-separated {@code name:role:{bcrypt}$2a$...} entries,
 *              role {@code viewer}, {@code trader} or {@code admin}; empty means nobody can sign in
 */
@ConfigurationProperties(prefix = "otc.dashboard")
public record DashboardUsersProperties(List<String> users) {

    public DashboardUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    @Override
    public String toString() {
        // Never the hashes: configuration records end up in logs and failure reports.
        return "DashboardUsersProperties[" + users.size() + " user(s)]";
    }
}
