package io.otcrouter.testsupport.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's DataSource behind a switch, as PostgreSQL looks from the service when it goes away and comes back:
 * while cut off, every new connection fails the way the pool reports an unreachable server
 * ({@link SQLTransientConnectionException}), so every transaction and the {@code db} health check fail too. Imported
 * by a test context, it wraps the DataSource bean; the switch is on until a test cuts it off.
 */
public class SwitchableDataSource extends DelegatingDataSource implements AutoCloseable {

    private volatile boolean cutOff;
    /** Connections refused, by the name of the Kafka listener thread that asked. */
    private final Map<String, AtomicInteger> refusedToListeners = new ConcurrentHashMap<>();

    SwitchableDataSource(DataSource target) {
        super(target);
    }

    public void cutOff() {
        cutOff = true;
    }

    public void restore() {
        cutOff = false;
    }

    /**
     * Connections refused to Kafka listener threads (spring-kafka names them {@code <container>-C-<n>}): how often a
     * listener tried to process a record during the outage.
     */
    public int refusedToListeners() {
        return refusedToListeners.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Connections refused to the threads of the listener container {@code containerId}. */
    public int refusedToListener(String containerId) {
        return refusedToListeners.entrySet().stream().filter(e -> e.getKey().startsWith(containerId + "-"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileCutOff();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileCutOff();
        return super.getConnection(username, password);
    }

    private void refuseWhileCutOff() throws SQLTransientConnectionException {
        if (cutOff) {
            String thread = Thread.currentThread().getName();
            if (thread.contains("-C-")) {
                refusedToListeners.computeIfAbsent(thread, name -> new AtomicInteger()).incrementAndGet();
            }
            throw new SQLTransientConnectionException("Connection is not available: PostgreSQL unreachable (test)");
        }
    }

    /** Closes the wrapped pool with the context, as it would have been closed without the wrapper. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** Wraps the context's DataSource in a {@link SwitchableDataSource}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Wrapping {

        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof SwitchableDataSource)
                            ? new SwitchableDataSource(dataSource) : bean;
                }
            };
        }
    }
}
