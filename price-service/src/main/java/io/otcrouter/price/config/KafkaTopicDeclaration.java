package io.otcrouter.price.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure the topics this service writes exist. The broker runs with auto topic creation off and may start
 * after this service, in which case the declaration at start-up fails; it is then retried before each refresh
 * round until the broker has confirmed it once.
 */
class KafkaTopicDeclaration {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicDeclaration.class);

    private final KafkaAdmin admin;
    private volatile boolean declared;

    KafkaTopicDeclaration(KafkaAdmin admin) {
        this.admin = admin;
    }

    void ensureDeclared() {
        if (declared) {
            return;
        }
        try {
            declared = admin.initialize();
        } catch (RuntimeException e) {
            log.warn("Could not declare the price topic yet: {}", e.getMessage());
        }
    }
}
