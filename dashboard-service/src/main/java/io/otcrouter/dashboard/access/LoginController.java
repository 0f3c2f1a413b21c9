package io.otcrouter.dashboard.access;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login takes the POST (see {@code SecurityConfig}). */
@Controller
class LoginController {

    /**
     * Loads the CSRF token before the page is rendered: the sign-in form carries it, and the session that holds it
     * must exist before the first byte of the page is sent, or its cookie could no longer be set.
     */
    @GetMapping("/login")
    String login(CsrfToken csrf) {
        csrf.getToken();
        return "login";
    }
}
