package io.otcrouter.router.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settleWait  how long {@code ?wait=settled} waits for the ledger's settlement
 * @param publishWait how long a submission waits for the broker to acknowledge its decision; without the
 *                    acknowledgement by then the answer is 202, the trade's publication unconfirmed
 * @param maxInFlight decisions (trade submissions and quotes) worked on at once; one more is refused with 503
 *                    (load shedding)
 */
@ConfigurationProperties("otc.router.api")
public record TradeApiProperties(
        @DefaultValue("10s") Duration settleWait,
        @DefaultValue("10s") Duration publishWait,
        @DefaultValue("100") int maxInFlight) {

    public TradeApiProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("otc.router.api.max-in-flight must be at least 1, was " + maxInFlight);
        }
    }
}
