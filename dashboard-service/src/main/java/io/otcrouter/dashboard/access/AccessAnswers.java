package io.otcrouter.dashboard.access;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.otcrouter.security.ProblemResponses;

/**
 * What the dashboard answers when a request may not go on: someone not signed in is sent to the sign-in page when
 * they asked for a page, and gets a 401 problem+json when a script asked the API (a redirect to an HTML page would
 * only confuse it); someone signed in gets a 403 problem+json that says whether the CSRF token or the role was
 * missing. A refused CSRF token of someone not signed in (a sign-in form left open until its session expired) is
 * answered like any other request of theirs: back to the sign-in page.
 */
public final class AccessAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final ProblemResponses problems;
    private final RequestMatcher scripts;
    private final LoginUrlAuthenticationEntryPoint signInPage;

    /** @param scripts the requests made by scripts rather than by a person opening a page ({@code /api/**} and such) */
    public AccessAnswers(ProblemResponses problems, RequestMatcher scripts, String loginPage) {
        this.problems = problems;
        this.scripts = scripts;
        this.signInPage = new LoginUrlAuthenticationEntryPoint(loginPage);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException notSignedIn)
            throws IOException, ServletException {
        if (!scripts.matches(request)) {
            signInPage.commence(request, response, notSignedIn);
            return;
        }
        // RFC 9110 wants a challenge with every 401; the scheme names the way in: the sign-in form.
        response.setHeader("WWW-Authenticate", "FormLogin realm=\"dashboard\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in required",
                "This request needs a signed-in session (sign in at /login; a session ends after a while without use)"
                        + " or, from a script, a dashboard user's name and password in HTTP Basic");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            commence(request, response, new InsufficientAuthenticationException("Not signed in"));
            return;
        }
        if (denied instanceof CsrfException) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "CSRF token missing or invalid",
                    "A change needs the CSRF token of a page of this session: reload the page and try again");
            return;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, "Not allowed",
                "Your role does not allow " + request.getMethod() + " on this path");
    }
}
