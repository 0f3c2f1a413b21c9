package io.otcrouter.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Checks a presented API key against the service's {@link ApiKeyRing}. */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyRing ring;

    public ApiKeyAuthenticationProvider(ApiKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object presented = authentication.getCredentials();
        if (!(presented instanceof String key) || key.isEmpty()) {
            throw new BadCredentialsException("empty API key");
        }
        return ring.find(key).map(ApiKeyAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("API key not accepted"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
