package io.otcrouter.quote.execution;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka transactions DEX legs are executed in.
 *
 * @param transactionIdPrefix prefix of the transactional ids of this instance's producers
 *                            ({@code QUOTE_TRANSACTION_ID_PREFIX}); unique per instance and stable across its restarts,
 *                            so a restarted instance fences and aborts the transaction its predecessor left open at
 *                            once instead of leaving read_committed readers waiting for it to time out
 * @param transactionTimeout  after this long the broker aborts a transaction whose producer vanished for good (a poll's
 *                            legs take at most {@code JUPITER_EXECUTION_WAIT} to re-quote)
 */
@ConfigurationProperties("otc.execution")
public record LegExecutionProperties(
        @DefaultValue("quote-service-local-") String transactionIdPrefix,
        @DefaultValue("10s") Duration transactionTimeout) {
}
