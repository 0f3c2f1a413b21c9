package io.otcrouter.router;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records every SQL statement the application prepares, with the thread that prepared it, by wrapping its
 * {@link DataSource}: how many statements a trade costs PostgreSQL, and on which path (a request thread, a
 * listener). Each JdbcClient call prepares its statement once, so a prepared statement is a statement run.
 */
final class StatementLog implements BeanPostProcessor {

    /** One statement: the thread that ran it and the first words of its SQL. */
    record Statement(String thread, String sql) {
    }

    private static final Pattern HEAD = Pattern.compile(
            "insert into \\S+|update \\S+|delete from \\S+|with \\S+ as|select", Pattern.CASE_INSENSITIVE);

    private final ConcurrentLinkedQueue<Statement> statements = new ConcurrentLinkedQueue<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
            return proxy(DataSource.class, dataSource, (method, args) -> method.getName().equals("getConnection")
                    ? connection((Connection) invoke(dataSource, method, args)) : invoke(dataSource, method, args));
        }
        return bean;
    }

    void clear() {
        statements.clear();
    }

    /** How many statements threads whose name passes {@code threads} ran, by their SQL's first words. */
    Map<String, Long> counts(Predicate<String> threads) {
        Map<String, Long> counts = new TreeMap<>();
        for (Statement statement : List.copyOf(statements)) {
            if (threads.test(statement.thread())) {
                counts.merge(statement.sql(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                statements.add(new Statement(Thread.currentThread().getName(), summary(sql)));
            } else if (method.getName().equals("commit")) {
                statements.add(new Statement(Thread.currentThread().getName(), "commit"));
            }
            return invoke(target, method, args);
        });
    }

    /** The statement's first words up to its table ("insert into t", "update t", "with x as"), to tell them apart. */
    private static String summary(String sql) {
        Matcher head = HEAD.matcher(sql.strip().replaceAll("\\s+", " "));
        return head.lookingAt() ? head.group() : sql.strip().split(" ", 2)[0];
    }

    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.on(method, args);
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
