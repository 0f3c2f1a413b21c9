package io.otcrouter.router.config;

import java.math.BigInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.kafka.prices.EnableReferencePrices;
import io.otcrouter.router.routing.CostModel;
import io.otcrouter.router.routing.RouteSelector;
import io.otcrouter.router.routing.RoutingPolicy;

/**
 * The routing decision is plain Java; this is where configuration reaches it. Its price band and the arrival
 * prices come from the reference prices that each instance reads in full (kafka-support).
 */
@Configuration(proxyBeanMethods = false)
@EnableReferencePrices
class RoutingConfig {

    @Bean
    RouteSelector routeSelector(RoutingProperties properties) {
        CostModel costs = new CostModel(properties.dexFeeBps(), properties.otcFeeBps(), BigInteger.ZERO);
        return new RouteSelector(new RoutingPolicy(costs,
                properties.networkFeeLamports().add(properties.priorityFeeLamports()), properties.priceBandBps(),
                properties.untrustedReferenceBandBps()));
    }
}
