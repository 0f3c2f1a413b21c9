package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.otcrouter.events.TradeStatus;

/**
 * The realized outcome of a trade. Atomic amounts are exact; ratios are already at the contract's scales
 * (prices 12, USD 6, bps 4). Nullable fields are unknown (no price, no baseline, nothing filled).
 *
 * @param executionPrice        output token units per input token unit, over the filled legs
 * @param savingOut             realized output minus the DEX-only baseline (may be negative)
 * @param slippageVsQuoteBps    positive when the trade returned less than the router expected
 * @param shortfallVsArrivalBps positive when the trade returned less than the arrival reference prices implied
 */
public record Settlement(TradeStatus status, BigInteger filledIn, BigInteger out, BigDecimal executionPrice,
        BigInteger savingOut, BigDecimal savingUsd, BigDecimal volumeUsd, BigDecimal slippageVsQuoteBps,
        BigDecimal shortfallVsArrivalBps) {
}
