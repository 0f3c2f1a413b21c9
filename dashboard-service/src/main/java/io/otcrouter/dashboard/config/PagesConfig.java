package io.otcrouter.dashboard.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.otcrouter.dashboard.access.SignedInUserInterceptor;

/**
 * The pages: Thymeleaf templates that share their head and navigation (templates/fragments.html) and are filled
 * in the browser from the JSON API and the live stream. No trade data is rendered on the server; the only
 * server-side values are the signed-in user (navigation bar) and the CSRF token the scripts send with changes.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    private final RoleHierarchy roles;

    PagesConfig(RoleHierarchy roles) {
        this.roles = roles;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("index");
        registry.addViewController("/trade").setViewName("trade");
        registry.addViewController("/analytics").setViewName("analytics");
        registry.addViewController("/pools").setViewName("pools");
        registry.addViewController("/history").setViewName("history");
        // The page reads the tradeId from its own path.
        registry.addViewController("/trades/{tradeId}").setViewName("trade-detail");
        registry.addViewController(SecurityConfig.ADMIN_PAGE).setViewName("admin-pools");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SignedInUserInterceptor(roles));
    }
}
