package io.otcrouter.ledger.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize   most messages relayed per round
 * @param sendTimeout how long a round waits for the broker's acks before leaving the rest for the next round
 * @param retention   how long published rows are kept (to look into what was sent) before they are purged
 */
@ConfigurationProperties(prefix = "otc.outbox")
public record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("24h") Duration retention) {
}
