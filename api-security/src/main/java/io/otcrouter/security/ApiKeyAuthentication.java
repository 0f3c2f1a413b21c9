package io.otcrouter.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key: before authentication it carries the presented key; after, the key's id as the principal and one
 * {@code SCOPE_<scope>} authority per scope. The presented key is dropped once checked.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    public static final String SCOPE_PREFIX = "SCOPE_";

    private final String keyId;
    private String presentedKey;

    private ApiKeyAuthentication(String keyId, String presentedKey, Collection<? extends GrantedAuthority> authorities,
            boolean authenticated) {
        super(authorities);
        this.keyId = keyId;
        this.presentedKey = presentedKey;
        super.setAuthenticated(authenticated);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(null, key, List.of(), false);
    }

    static ApiKeyAuthentication of(ApiKeyRing.Entry entry) {
        return new ApiKeyAuthentication(entry.id(), null, entry.scopes().stream().sorted()
                .map(scope -> new SimpleGrantedAuthority(SCOPE_PREFIX + scope)).toList(), true);
    }

    /** The authority a route requires for a scope: {@code hasAuthority(ApiKeyAuthentication.scope("trade"))}. */
    public static String scope(String scope) {
        return SCOPE_PREFIX + scope;
    }

    public boolean hasScope(String scope) {
        return getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(SCOPE_PREFIX + scope));
    }

    /** The key's id, never the key. */
    @Override
    public Object getPrincipal() {
        return keyId;
    }

    @Override
    public String getName() {
        return keyId == null ? "" : keyId;
    }

    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Only the provider marks an API key authenticated");
        }
        super.setAuthenticated(false);
    }
}
