package io.otcrouter.otcpool.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval pause between two relay runs
 * @param batchSize    most rows sent per run
 * @param sendTimeout  how long a run waits for the broker's acknowledgements
 * @param retention    how long published rows are kept (to look into what was sent) before {@code OutboxCleaner}
 *                     deletes them
 */
@ConfigurationProperties(prefix = "otc.outbox")
public record OutboxProperties(@DefaultValue("100ms") Duration pollInterval, @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration sendTimeout, @DefaultValue("24h") Duration retention) {
}
