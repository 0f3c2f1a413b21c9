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
 * @param batchWait           pause of each route-decision consumer between two polls ({@code QUOTE_EXECUTION_BATCH_WAIT}),
 *                            so that under load a poll, and the one transaction it runs in, carries the decisions of that
 *                            pause rather than one each. A leg transaction costs the broker about a dozen requests and
 *                            log appends whatever it carries (partition registration, offsets, commit markers): with one
 *                            decision each, about a quarter of the broker's CPU at 100 trades/s. The price is up to this
 *                            long on a DEX leg's execution, never on a decision. Idle, the consumer still long-polls, so
 *                            it fetches no more often.
 */
@ConfigurationProperties("otc.execution")
public record LegExecutionProperties(
        @DefaultValue("quote-service-local-") String transactionIdPrefix,
        @DefaultValue("10s") Duration transactionTimeout,
        @DefaultValue("50ms") Duration batchWait) {
}
