package io.otcrouter.ledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole ledger against a real broker (embedded KRaft, auto topic creation off as in production), quiet Kafka
 * logs. A test adds its own properties with {@code @TestPropertySource} and declares the upstream topics with
 * {@code @Import(ConsumedTopics.class)} (test-support).
 *
 * <p>The context is closed after the class, while its broker still runs: two cached contexts stopping at JVM exit
 * raced their brokers' teardown and held the fork for 30 s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "otc.kafka.partitions=1",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN"})
@DirtiesContext
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@interface LedgerIT {

    /** A server on a random port unless the test needs none. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.RANDOM_PORT;
}
