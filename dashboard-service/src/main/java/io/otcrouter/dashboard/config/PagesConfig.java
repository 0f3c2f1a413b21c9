package io.otcrouter.dashboard.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages: Thymeleaf templates that share their head and navigation (templates/fragments.html) and are filled
 * in the browser from the JSON API and the live stream. No data is rendered on the server.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("index");
        registry.addViewController("/trade").setViewName("trade");
        registry.addViewController("/analytics").setViewName("analytics");
        registry.addViewController("/pools").setViewName("pools");
        // The page reads the tradeId from its own path.
        registry.addViewController("/trades/{tradeId}").setViewName("trade-detail");
    }
}
