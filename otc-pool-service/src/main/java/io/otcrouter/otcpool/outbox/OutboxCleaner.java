package io.otcrouter.otcpool.outbox;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes outbox rows published longer ago than the retention, so the table stays small. */
@Component
class OutboxCleaner {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);

    private final OutboxRepository repository;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxCleaner(OutboxRepository repository, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @Transactional
    public void deleteOldPublished() {
        int deleted = repository.deletePublishedBefore(Instant.now(clock).minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted {} published outbox messages older than {}", deleted, properties.retention());
        }
    }
}
