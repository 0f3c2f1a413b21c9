package io.otcrouter.price.config;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.price.coingecko.CoinGeckoClient;
import io.otcrouter.price.coingecko.CoinGeckoProperties;
import io.otcrouter.price.pricing.KafkaPriceUpdatedPublisher;
import io.otcrouter.price.pricing.PriceBoard;
import io.otcrouter.price.pricing.PriceRefresher;
import io.otcrouter.price.pricing.PriceUpdatedPublisher;

@Configuration(proxyBeanMethods = false)
class PricingConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TokenCatalog tokenCatalog() {
        return TokenCatalog.defaults();
    }

    @Bean
    CoinGeckoClient coinGeckoClient(RestClient.Builder builder, CoinGeckoProperties properties, Clock clock) {
        return CoinGeckoClient.create(builder, properties, clock);
    }

    /** Sources in failover order; Kraken and Binance slot in after CoinGecko. STATIC is the board's own last resort. */
    @Bean
    PriceBoard priceBoard(TokenCatalog catalog, CoinGeckoClient coinGecko, Clock clock) {
        return new PriceBoard(catalog, List.of(coinGecko), clock);
    }

    @Bean
    PriceUpdatedPublisher priceUpdatedPublisher(KafkaTemplate<String, Object> kafkaTemplate, Clock clock) {
        return new KafkaPriceUpdatedPublisher(kafkaTemplate, clock);
    }

    @Bean
    PriceRefresher priceRefresher(PriceBoard board, PriceUpdatedPublisher publisher) {
        return new PriceRefresher(board, publisher);
    }
}
