package io.otcrouter.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Set;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final Set<String> SERVICES = Set.of("price-service", "quote-service", "otc-pool-service",
            "router-service", "ledger-service");

    @Test
    void shouldNameEveryTopicAfterItsPastTenseEventAndVersion() {
        assertThat(Topics.ALL).extracting(Topic::name)
                .allMatch(name -> name.matches("otc\\.[a-z]+\\.[a-z]+ed\\.v[0-9]+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveEveryTopicANameConstantForAnnotations() throws ReflectiveOperationException {
        for (Field field : Topics.class.getFields()) {
            if (field.get(null) instanceof Topic<?> topic) {
                assertThat(Topics.Names.class.getField(field.getName()).get(null)).as(field.getName())
                        .isEqualTo(topic.name());
            }
        }
        assertThat(Topics.Names.class.getFields()).hasSameSizeAs(Topics.ALL);
    }

    @Test
    void shouldGiveEveryTopicOneKnownWriter() {
        assertThat(Topics.ALL).extracting(Topic::writer).allMatch(SERVICES::contains);
        assertThat(Topics.writtenBy("otc-pool-service")).containsExactly(Topics.POOLS_QUOTED, Topics.POOLS_EXECUTED,
                Topics.POOLS_CHANGED);
    }

    @Test
    void shouldCompactTheLatestStateTopicsAndKeepTradesForever() {
        assertThat(Topics.PRICES_UPDATED.newTopic(3, (short) 1).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(Topics.ROUTES_DECIDED.newTopic(3, (short) 1).configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
        assertThat(Topics.QUOTES_REQUESTED.newTopic(3, (short) 1).configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000));
    }

    @Test
    void shouldNameDeadLetterTopicsWithTheDltSuffix() {
        assertThat(Topics.ROUTES_DECIDED.deadLetterTopic()).isEqualTo("otc.routes.decided.v1.DLT");
        assertThat(Topics.ROUTES_DECIDED.newDeadLetterTopic(3, (short) 1).numPartitions()).isEqualTo(3);
    }
}
