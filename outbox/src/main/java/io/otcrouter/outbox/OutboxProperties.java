package io.otcrouter.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled         whether this instance relays (off for a rebuild, which only writes)
 * @param pollInterval         how often the relay looks for rows without being woken: a commit that appended wakes it
 *                             at once in this instance, so the poll only catches rows of other instances or left by a
 *                             crash or a failed send
 * @param batchSize            most rows sent per round
 * @param sendTimeout          how long a round waits for the broker's acknowledgements
 * @param retention            how long published rows are kept (to look into what was sent) before they are purged
 * @param cleanupInterval      pause between two purges of published rows
 * @param pendingCountInterval pause between two counts of unpublished rows for the {@code otc.outbox.pending} gauge
 */
@ConfigurationProperties(prefix = "otc.outbox")
public record OutboxProperties(@DefaultValue("true") boolean relayEnabled, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("500") int batchSize, @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("24h") Duration retention, @DefaultValue("10s") Duration cleanupInterval,
        @DefaultValue("5s") Duration pendingCountInterval) {
}
