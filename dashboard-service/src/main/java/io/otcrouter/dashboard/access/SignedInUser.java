package io.otcrouter.dashboard.access;

import java.util.Collection;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who the page is rendered for, as the navigation bar shows it: the name, the highest role, and whether the pool
 * admin link and the trade buttons apply. Only for display: every request is authorized by {@code SecurityConfig}.
 */
public record SignedInUser(String name, Role role) {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Null when nobody is signed in (the sign-in page). */
    public static SignedInUser of(Authentication authentication, RoleHierarchy roles) {
        if (!TRUST.isAuthenticated(authentication)) {
            return null;
        }
        Collection<? extends GrantedAuthority> reachable =
                roles.getReachableGrantedAuthorities(authentication.getAuthorities());
        Role highest = null;
        for (Role role : Role.values()) {
            if (reachable.stream().anyMatch(granted -> role.authority().equals(granted.getAuthority()))) {
                highest = role;
            }
        }
        return highest == null ? null : new SignedInUser(authentication.getName(), highest);
    }

    public boolean trader() {
        return role.compareTo(Role.TRADER) >= 0;
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
