package io.otcrouter.dashboard.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Hands every page the {@link SignedInUser} as {@code signedIn}, for the navigation bar (name, role, sign-out, the
 * pool admin link) and the trade form (whose buttons only a trader can use).
 */
public final class SignedInUserInterceptor implements HandlerInterceptor {

    public static final String MODEL_ATTRIBUTE = "signedIn";

    private final RoleHierarchy roles;

    public SignedInUserInterceptor(RoleHierarchy roles) {
        this.roles = roles;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page != null && page.hasView()) {
            page.addObject(MODEL_ATTRIBUTE,
                    SignedInUser.of(SecurityContextHolder.getContext().getAuthentication(), roles));
        }
    }
}
