package io.otcrouter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real Kafka broker and PostgreSQL in a temporary directory on free ports. */
class LocalStackInfraIT {

    private static final String TOPIC = "local-stack-it";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @TempDir
    Path dataDir;

    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int postgresPort = freePort();

    @Test
    void shouldKeepTopicsAndTablesAcrossRestart() throws Exception {
        try (LocalStackInfra infra = startInfra()) {
            try (Admin admin = admin(infra)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            produce(infra, "first trade");
            assertThat(consumeAll(infra, 1)).containsExactly("first trade");
            try (Connection connection = connect(infra); Statement statement = connection.createStatement()) {
                assertThat(singleInt(statement, "select 1")).isEqualTo(1);
                statement.execute("create table executed_trade (id bigint primary key, pair text not null)");
                statement.execute("insert into executed_trade values (1, 'SOL/USDC')");
            }
        }

        try (LocalStackInfra infra = startInfra()) {
            try (Admin admin = admin(infra)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(consumeAll(infra, 1)).containsExactly("first trade");
            try (Connection connection = connect(infra); Statement statement = connection.createStatement()) {
                assertThat(singleInt(statement, "select count(*) from executed_trade")).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldRunTheBrokerWithSingleNodeSettingsAndNoTopicAutoCreation() throws Exception {
        try (LocalStackInfra infra = startInfra(); Admin admin = admin(infra)) {
            assertThat(infra.bootstrapServers()).isEqualTo("127.0.0.1:" + kafkaPort);
            assertThat(infra.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgresPort + "/otcrouter");
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(Set.of(broker)).all().get().get(broker);
            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("num.partitions").value()).isEqualTo("3");
            assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
        }
    }

    private LocalStackInfra startInfra() throws Exception {
        return LocalStackInfra.start(dataDir, kafkaPort, controllerPort, postgresPort);
    }

    private static Admin admin(LocalStackInfra infra) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()));
    }

    private static void produce(LocalStackInfra infra, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "SOL/USDC", value)).get();
        }
    }

    private static List<String> consumeAll(LocalStackInfra infra, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(PARTITION));
            consumer.seekToBeginning(List.of(PARTITION));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(consumed -> values.add(consumed.value()));
                assertThat(values).hasSizeGreaterThanOrEqualTo(expected);
            });
        }
        return values;
    }

    private static Connection connect(LocalStackInfra infra) throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(), Postgres.USERNAME, Postgres.PASSWORD);
    }

    private static int singleInt(Statement statement, String sql) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            assertThat(resultSet.next()).isTrue();
            return resultSet.getInt(1);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
