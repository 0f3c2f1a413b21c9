package io.otcrouter.dashboard.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The pages: static HTML filled in the browser from the JSON API and the live stream. */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/trade").setViewName("forward:/trade.html");
        registry.addViewController("/analytics").setViewName("forward:/analytics.html");
        registry.addViewController("/pools").setViewName("forward:/pools.html");
        // The page reads the tradeId from its own path.
        registry.addViewController("/trades/{tradeId}").setViewName("forward:/trade-detail.html");
    }
}
