package io.otcrouter.quote.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.otcrouter.quote.dex.DepthCurveRefresher;
import io.otcrouter.quote.dex.DexQuoter;
import io.otcrouter.quote.dex.JupiterMode;

/**
 * Runs the depth-curve refresh on Spring's scheduler thread, so it never holds a Kafka listener thread. Nothing to
 * refresh in simulated mode (the model's curve is free).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CurveRefreshScheduling {

    private final DepthCurveRefresher refresher;
    private final DexQuoter quoter;

    CurveRefreshScheduling(DepthCurveRefresher refresher, DexQuoter quoter) {
        this.refresher = refresher;
        this.quoter = quoter;
    }

    @Scheduled(initialDelayString = "${otc.jupiter.curve.refresh-interval:1s}",
            fixedDelayString = "${otc.jupiter.curve.refresh-interval:1s}")
    void refreshActiveCurves() {
        if (quoter.mode() != JupiterMode.SIMULATED) {
            refresher.refreshOnce();
        }
    }
}
