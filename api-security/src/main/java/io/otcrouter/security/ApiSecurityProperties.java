package io.otcrouter.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param apiKeys the API keys this service accepts, as {@code id:scope+scope:sha256-hex} (see {@link ApiKeyRing});
 *                empty means no machine client gets past the protected routes
 * @param scopes      the scopes this service knows; an entry naming another is refused at start-up
 * @param maxBodySize the most any request body may hold (16 KB when not set)
 */
@ConfigurationProperties("otc.security")
public record ApiSecurityProperties(List<String> apiKeys, Set<String> scopes, DataSize maxBodySize) {

    public ApiSecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(16) : maxBodySize;
    }
}
