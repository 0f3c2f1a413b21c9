package io.otcrouter.otcpool.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.otcrouter.testsupport.jdbc.SwitchableDataSource;
import io.otcrouter.testsupport.kafka.ConsumedTopics;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;

/**
 * The one application context the integration tests share (same configuration, so Spring's test context cache
 * starts it once): an embedded KRaft broker with auto topic creation off, one partition everywhere (so "the
 * sentinel arrived" means "everything before it arrived"), the JVM's embedded PostgreSQL, reached through a
 * {@link SwitchableDataSource} that a test may cut off to stand for a database outage, and the test API keys
 * ({@link ApiKeys}). A record that fails is retried every half second at most, so an outage test does not wait long after the
 * database is back. The sweep releases an expired quote 1 s after the decision topic has been read past its expiry
 * (6 s in production), so tests wait less. Tests that create pools use pairs and ids of their own, so they never disturb one another.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "otc.kafka.partitions=1",
        "otc.kafka.retry-max=500ms", "otc.pools.decision-watermark-slack=1s", ApiKeys.CONFIGURED })
@Import({ ConsumedTopics.class, SwitchableDataSource.Wrapping.class })
public abstract class OtcPoolIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.useShared(registry);
    }
}
