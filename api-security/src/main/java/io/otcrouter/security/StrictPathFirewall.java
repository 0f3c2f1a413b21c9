package io.otcrouter.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} (which refuses path parameters, dot segments, double slashes, encoded
 * slashes, periods and percents, and non-printable characters) plus one rule of ours: no percent-encoding at all in
 * the path. None of our routes needs it, and a path spelled {@code /%61pi/trades} is one that servlet filters
 * matching the raw URI and Spring MVC matching the decoded path would disagree about. With it, the raw path is the
 * path every matcher sees.
 */
public final class StrictPathFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri != null && uri.indexOf('%') >= 0) {
            throw new RequestRejectedException("the path contains percent-encoding");
        }
        return strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }
}
