package io.otcrouter.ledger.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settleTimeout   how long after the ledger booked its decision a trade waits for its legs before settling
 *                        without them (see {@link SettleRule})
 * @param sweepBatchSize  most overdue trades settled per sweep transaction
 * @param processedEventsRetention how long the ids of applied events are kept to drop redeliveries; longer than any
 *                        redelivery window (see {@code RetentionPurger})
 * @param legProgressInterval how often at most the leg-execution consumer asks the broker how far it has read
 * @param legWatermarkSlack how much older than their last leg read a trade's window must have ended before the sweep
 *                        settles it without a leg: leg records are stamped by the venues' clocks, and a partition's
 *                        records are only roughly in time order (see {@link LegWatermark})
 */
@ConfigurationProperties(prefix = "otc.ledger")
public record BookingProperties(@DefaultValue("30s") Duration settleTimeout,
        @DefaultValue("500") int sweepBatchSize, @DefaultValue("7d") Duration processedEventsRetention,
        @DefaultValue("1s") Duration legProgressInterval, @DefaultValue("2s") Duration legWatermarkSlack) {
}
