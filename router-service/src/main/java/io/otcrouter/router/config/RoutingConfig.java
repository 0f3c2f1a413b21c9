package io.otcrouter.router.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.router.routing.CostModel;
import io.otcrouter.router.routing.RouteSelector;
import io.otcrouter.router.routing.RoutingPolicy;

/** The routing decision is plain Java; this is where configuration reaches it. */
@Configuration(proxyBeanMethods = false)
class RoutingConfig {

    @Bean
    RouteSelector routeSelector(RoutingProperties properties) {
        CostModel costs = new CostModel(properties.dexFeeBps(), properties.otcFeeBps(),
                properties.networkFeePerLegAtomic());
        return new RouteSelector(new RoutingPolicy(costs, properties.priceBandBps(),
                properties.untrustedReferenceBandBps()));
    }
}
