package io.otcrouter.ledger.rebuild;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** The rebuild command (profile {@code rebuild}): rebuilds the ledger, then ends the process. */
@Component
@ConditionalOnProperty(name = "otc.ledger.rebuild.enabled", havingValue = "true")
class RebuildRunner implements ApplicationRunner {

    private final LedgerRebuilder rebuilder;
    private final ConfigurableApplicationContext context;

    RebuildRunner(LedgerRebuilder rebuilder, ConfigurableApplicationContext context) {
        this.rebuilder = rebuilder;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuilder.rebuild();
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
