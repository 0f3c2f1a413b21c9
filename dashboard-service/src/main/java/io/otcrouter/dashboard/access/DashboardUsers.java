package io.otcrouter.dashboard.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The people who may sign in to the dashboard, read from configuration ({@code DASHBOARD_USERS}): comma-separated
 * entries {@code name:role:{bcrypt}$2a$...}, the password stored as a bcrypt hash in the format of Spring Security's
 * {@code DelegatingPasswordEncoder}. A plain password, an unknown role, a name the router would not accept in
 * {@code X-On-Behalf-Of} or a name given twice stops start-up. Error messages name the entry by its position and the
 * user's name, never the hash or what was written in its place (it may be a password).
 */
public final class DashboardUsers {

    /** The names router-service accepts in {@code X-On-Behalf-Of}, so every user's trades can name them. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private DashboardUsers() {
    }

    public static List<UserDetails> parse(List<String> entries) {
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            String where = "DASHBOARD_USERS entry " + (i + 1);
            String[] parts = entry.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + " is not written name:role:{bcrypt}hash");
            }
            String name = parts[0];
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": the name must be 1-64 of A-Z a-z 0-9 . _ @ -");
            }
            where += " (" + name + ")";
            Role role;
            try {
                role = Role.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (!BCRYPT.matcher(parts[2]).matches()) {
                throw new IllegalArgumentException(where + ": the password must be a bcrypt hash written"
                        + " {bcrypt}$2a$<cost>$<53 characters>, never the password itself");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": the name is given more than once");
            }
            users.add(User.withUsername(name).password(parts[2]).authorities(role.authority()).build());
        }
        return List.copyOf(users);
    }
}
