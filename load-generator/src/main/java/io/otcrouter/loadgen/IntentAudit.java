package io.otcrouter.loadgen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.catalog.Topics;
import io.otcrouter.events.serde.AvroEventDeserializer;

/**
 * Exactly one trade per client intent, and every DEX leg booked as the venue executed it — checked once the run has
 * drained, from what is on Kafka (every RouteDecided and DEX LegExecuted since the run's start, read committed) and
 * in the ledger. A client that retries with the same Idempotency-Key (after a router crash, a 5xx, a timeout, a 202)
 * must end with one decision under one trade id, the one it was answered with; the ledger rows per client order are
 * counted by {@link LedgerProbe}. DEX legs have no table of their own to audit (quote-service keeps none), so their
 * truth is the LegExecuted quote-service published: each decided DEX leg executed exactly once, and booked by the
 * ledger with that status and those amounts.
 */
final class IntentAudit {

    /** A RouteDecided of the run: its event id, trade, client order and the ids of its DEX legs. */
    record Decision(String eventId, String tradeId, String clientOrderId, List<String> dexLegIds) {
    }

    /** A leg's outcome as published by its venue, or as booked by the ledger (no event id). */
    record LegOutcome(String eventId, String tradeId, String legId, String status, BigInteger inAmount,
            BigInteger outAmount) {

        String key() {
            return tradeId + "/" + legId;
        }

        boolean sameAs(LegOutcome other) {
            return status.equals(other.status) && inAmount.equals(other.inAmount)
                    && outAmount.equals(other.outAmount);
        }
    }

    /** What Kafka holds for the run. */
    record Events(List<Decision> decisions, List<LegOutcome> dexExecutions) {
    }

    private static final int EXAMPLES = 5;

    private IntentAudit() {
    }

    /**
     * The violations: client orders decided as more than one trade, trades decided twice, answers naming another
     * trade than the one decided, DEX legs never or twice executed, or booked differently from their execution.
     *
     * @param answered   tradeId → request number, for every request answered 201 (or 202 that stayed so)
     * @param orderPrefix the run's clientOrderId prefix; request n's clientOrderId is prefix + n
     * @param ledgerDexLegs the ledger's DEX legs of the run's trades
     */
    static List<String> check(Map<String, Integer> answered, String orderPrefix, Events events,
            List<LegOutcome> ledgerDexLegs) {
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> tradesPerOrder = new HashMap<>();
        Map<String, Set<String>> eventsPerTrade = new HashMap<>();
        Map<String, String> dexLegs = new LinkedHashMap<>();
        for (Decision decision : events.decisions()) {
            tradesPerOrder.computeIfAbsent(decision.clientOrderId(), k -> new TreeSet<>()).add(decision.tradeId());
            eventsPerTrade.computeIfAbsent(decision.tradeId(), k -> new HashSet<>()).add(decision.eventId());
            decision.dexLegIds().forEach(leg -> dexLegs.put(decision.tradeId() + "/" + leg, decision.tradeId()));
        }
        report(violations, "client orders decided as more than one trade",
                tradesPerOrder.entrySet().stream().filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " -> " + e.getValue()).toList());
        report(violations, "trades decided more than once (distinct RouteDecided events)",
                eventsPerTrade.entrySet().stream().filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " x" + e.getValue().size()).toList());
        List<String> wrongAnswers = new ArrayList<>();
        answered.forEach((tradeId, n) -> {
            Set<String> decided = tradesPerOrder.getOrDefault(orderPrefix + n, Set.of());
            if (!decided.isEmpty() && !decided.contains(tradeId)) {
                wrongAnswers.add(orderPrefix + n + " answered " + tradeId + ", decided " + decided);
            }
        });
        report(violations, "answers naming another trade than the one decided for the client order", wrongAnswers);

        checkDexLegs(violations, dexLegs.keySet(), events.dexExecutions(), ledgerDexLegs);
        return violations;
    }

    /** Every decided DEX leg executed exactly once, and booked by the ledger as it was executed. */
    private static void checkDexLegs(List<String> violations, Set<String> dexLegs, List<LegOutcome> dexExecutions,
            List<LegOutcome> ledgerDexLegs) {
        Map<String, Map<String, LegOutcome>> executions = new HashMap<>();
        for (LegOutcome execution : dexExecutions) {
            if (dexLegs.contains(execution.key())) {
                executions.computeIfAbsent(execution.key(), k -> new LinkedHashMap<>())
                        .putIfAbsent(execution.eventId(), execution);
            }
        }
        Map<String, LegOutcome> booked = new HashMap<>();
        ledgerDexLegs.forEach(leg -> booked.put(leg.key(), leg));
        List<String> neverExecuted = new ArrayList<>();
        List<String> executedTwice = new ArrayList<>();
        List<String> bookedDifferently = new ArrayList<>();
        for (String leg : dexLegs) {
            Map<String, LegOutcome> outcomes = executions.getOrDefault(leg, Map.of());
            if (outcomes.isEmpty()) {
                neverExecuted.add(leg);
                continue;
            }
            if (outcomes.size() > 1) {
                executedTwice.add(leg + " x" + outcomes.size());
            }
            LegOutcome executed = outcomes.values().iterator().next();
            LegOutcome inLedger = booked.get(leg);
            if (inLedger == null) {
                bookedDifferently.add(leg + " executed " + executed.status() + ", not in the ledger");
            } else if (!inLedger.sameAs(executed)) {
                bookedDifferently.add(leg + " executed " + describe(executed) + ", booked " + describe(inLedger));
            }
        }
        report(violations, "decided DEX legs never executed (no LegExecuted)", neverExecuted);
        report(violations, "DEX legs executed more than once (distinct LegExecuted events)", executedTwice);
        report(violations, "DEX legs the ledger booked differently from their execution, or not at all",
                bookedDifferently);
    }

    /** Every RouteDecided of the run and every DEX LegExecuted since {@code fromEpochMillis}, up to the current end. */
    static Events read(String bootstrap, String orderPrefix, long fromEpochMillis) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "load-generator-intent-audit");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // Quote-service writes DEX legs in Kafka transactions: an aborted attempt's leg is not an execution.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroEventDeserializer avro = new AvroEventDeserializer();
        List<Decision> decisions = new ArrayList<>();
        List<LegOutcome> executions = new ArrayList<>();
        // Bytes in, decoded here: a record that is not an event of the contract is skipped instead of stopping poll().
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ROUTES_DECIDED.name(), Topics.JUPITER_EXECUTED.name())) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            // read_committed: the end is the last stable offset, so nothing still in a transaction is waited for.
            Map<TopicPartition, Long> ends = PartitionsFromTime.assignFrom(consumer, partitions, fromEpochMillis);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!atEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("decisions and DEX legs not read to their end within 2 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    SpecificRecord value;
                    try {
                        value = avro.deserialize(record.topic(), record.value());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (value instanceof RouteDecided decision && decision.getClientOrderId() != null
                            && decision.getClientOrderId().startsWith(orderPrefix)) {
                        decisions.add(new Decision(decision.getEventId(), decision.getTradeId(),
                                decision.getClientOrderId(), decision.getLegs().stream()
                                .filter(leg -> leg.getVenue() == Venue.DEX).map(RouteLeg::getLegId).toList()));
                    } else if (value instanceof LegExecuted leg && leg.getVenue() == Venue.DEX) {
                        executions.add(new LegOutcome(leg.getEventId(), leg.getTradeId(), leg.getLegId(),
                                leg.getStatus().name(), atomic(leg.getInAmount()), atomic(leg.getOutAmount())));
                    }
                }
            }
        }
        return new Events(decisions, executions);
    }

    /** The ledger's DEX legs of the run's trades. */
    static List<LegOutcome> ledgerDexLegs(Connection connection, String orderPrefix) throws SQLException {
        List<LegOutcome> legs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select l.trade_id, l.leg_id, l.status, l.in_amount, l.out_amount
                from ledger.trade_leg l join ledger.trade t on t.trade_id = l.trade_id
                where left(t.client_order_id, ?) = ? and l.venue = 'DEX'""")) {
            statement.setInt(1, orderPrefix.length());
            statement.setString(2, orderPrefix);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    legs.add(new LegOutcome(null, rs.getString(1), rs.getString(2), rs.getString(3),
                            atomic(rs.getBigDecimal(4)), atomic(rs.getBigDecimal(5))));
                }
            }
        }
        return legs;
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static BigInteger atomic(BigDecimal amount) {
        return amount.toBigIntegerExact();
    }

    private static String describe(LegOutcome leg) {
        return leg.status() + " " + leg.inAmount() + " -> " + leg.outAmount();
    }

    private static void report(List<String> violations, String what, List<String> cases) {
        if (!cases.isEmpty()) {
            violations.add(cases.size() + " " + what + ", e.g. "
                    + String.join("; ", cases.subList(0, Math.min(EXAMPLES, cases.size()))));
        }
    }
}
