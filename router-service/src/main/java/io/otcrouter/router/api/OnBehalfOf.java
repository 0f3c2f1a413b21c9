package io.otcrouter.router.api;

import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.AccessDeniedException;

import io.otcrouter.router.api.InvalidTradeRequestException.FieldError;
import io.otcrouter.router.security.ApiCaller;
import io.otcrouter.router.trades.Submitter;

/**
 * {@code X-On-Behalf-Of}: the person a key with the {@code delegate} scope (the dashboard's) acts for. The access
 * rules refuse the header from any other key; here the name is checked and becomes, with the key, who submitted.
 */
public final class OnBehalfOf {

    public static final String HEADER = "X-On-Behalf-Of";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private OnBehalfOf() {
    }

    /** Whether the request names someone, in one header or several. */
    public static boolean isClaimed(HttpServletRequest request) {
        return request.getHeaders(HEADER).hasMoreElements();
    }

    /**
     * @throws InvalidTradeRequestException when the name is not 1 to 64 of A-Z a-z 0-9 . _ @ -, or comes twice
     * @throws AccessDeniedException        when the key may not delegate (the access rules refuse that first)
     */
    static Submitter submitter(HttpServletRequest request) {
        ApiCaller caller = ApiCaller.of(request);
        List<String> names = Collections.list(request.getHeaders(HEADER));
        if (names.isEmpty()) {
            return new Submitter(caller.keyId(), null);
        }
        if (!caller.hasScope(ApiCaller.DELEGATE)) {
            throw new AccessDeniedException(HEADER + " needs an API key with the delegate scope");
        }
        if (names.size() > 1 || !NAME.matcher(names.get(0)).matches()) {
            throw new InvalidTradeRequestException(List.of(new FieldError(HEADER,
                    "must be one header of 1 to 64 characters of A-Z a-z 0-9 . _ @ -")));
        }
        return new Submitter(caller.keyId(), names.get(0));
    }
}
