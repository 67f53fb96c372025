package io.newslens.benchmarks.query;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.search.ArticleTextIndex;
import io.newslens.query.search.CoMentionIndex;
import io.newslens.query.search.SearchRequest;
import io.newslens.query.search.SearchResult;
import io.newslens.query.search.SearchService;
import io.newslens.query.service.EntityQueries;
import io.newslens.query.stories.StoryQueries;
import io.smallrye.config.WithDefault;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * query-service's own query classes, wired by hand instead of by CDI: {@link SearchService} on an Agroal pool (the
 * pool Quarkus uses), {@link EntityQueries} and {@link StoryQueries} on a Hibernate ORM EntityManager (the ORM
 * Quarkus uses), each call in one transaction as their {@code @Transactional} methods run in the service. So the
 * benchmark runs exactly the SQL the service builds, with its Java around it, minus HTTP, JSON and security.
 *
 * <p>While {@link #record} is on, every statement the classes prepare is captured with its bound values, so the
 * raw-SQL baseline can replay the very same statements over plain JDBC.
 */
final class ServiceHarness implements AutoCloseable {

    /** One captured statement: the SQL and the setter calls that bound its parameters. */
    record Captured(String sql, List<Object[]> binds) {
    }

    final AgroalDataSource pool;
    /** The service's search; while statements are captured it takes the PostgreSQL full-text path (the baseline). */
    final BenchSearch search = new BenchSearch();
    final ArticleTextIndex textIndex = new ArticleTextIndex();
    final BenchCoMentions coMentions;
    final EntityQueries entities = new EntityQueries();
    final StoryQueries stories = new StoryQueries();
    private final SessionFactory hibernate;
    private volatile List<Captured> recording;

    ServiceHarness(String jdbcUrl, Duration statementTimeout) throws Exception {
        pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.minSize(1).maxSize(4)
                        // SQL baselines that would run for minutes (co-mention joins of the most frequent entities)
                        // stop after 60 s and are reported as timeouts
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(jdbcUrl).jdbcProperty("options", "-c statement_timeout=60000"))));
        DataSource recordingSource = recordingDataSource();
        inject(search, "dataSource", recordingSource);
        inject(search, "config", config(QueryConfig.class, statementTimeout));
        inject(search, "meters", new SimpleMeterRegistry());
        inject(search, "textIndex", textIndex);
        inject(textIndex, "dataSource", pool);
        inject(textIndex, "config", config(QueryConfig.class, statementTimeout));
        inject(textIndex, "meters", new SimpleMeterRegistry());
        coMentions = new BenchCoMentions();
        inject(coMentions, "index", textIndex);
        inject(coMentions, "dataSource", pool);
        inject(coMentions, "config", config(QueryConfig.class, statementTimeout));
        inject(entities, "coMentions", coMentions);
        Configuration cfg = new Configuration();
        cfg.getProperties().put("hibernate.connection.datasource", recordingSource);
        cfg.setProperty("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        cfg.setProperty("hibernate.show_sql", "false");
        hibernate = cfg.buildSessionFactory();
        inject(stories, "json", new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules());
    }

    /** Runs an EntityQueries/StoryQueries call the way its @Transactional method runs: one EntityManager, one transaction. */
    <T> T transactional(Supplier<T> call) {
        try (EntityManager em = hibernate.createEntityManager()) {
            inject(entities, "em", em);
            inject(stories, "em", em);
            em.getTransaction().begin();
            try {
                T out = call.get();
                em.getTransaction().commit();
                return out;
            } catch (RuntimeException e) {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                throw e;
            }
        }
    }

    /** Runs the call with statement capture on and returns what it prepared (searches on PostgreSQL full text). */
    List<Captured> capture(Runnable call) {
        List<Captured> out = new ArrayList<>();
        recording = out;
        search.useIndex = false;
        coMentions.useIndex = false;
        try {
            call.run();
        } finally {
            recording = null;
            search.useIndex = true;
            coMentions.useIndex = true;
        }
        return out;
    }

    /** SearchService as the REST resource calls it, with a switch between the text index and PostgreSQL full text. */
    static final class BenchSearch extends SearchService {
        volatile boolean useIndex = true;

        @Override
        public SearchResult search(SearchRequest r, boolean withFacets) {
            return search(r, withFacets, useIndex);
        }
    }

    /** Co-mentions from the text index, or (while statements are captured) none, so EntityQueries runs its SQL. */
    static final class BenchCoMentions extends CoMentionIndex {
        volatile boolean useIndex = true;

        @Override
        public java.util.Optional<java.util.List<Count>> coMentioned(java.util.Collection<String> entities,
                java.util.Set<String> excluding, int limit, java.time.Instant from, java.time.Instant to) {
            return useIndex ? super.coMentioned(entities, excluding, limit, from, to) : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<Profile> profile(String entity, int limit) {
            return useIndex ? super.profile(entity, limit) : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<java.util.List<Pair>> pairs(java.util.Map<String, String> entityTypes, java.time.Instant from,
                java.time.Instant to) {
            return useIndex ? super.pairs(entityTypes, from, to) : java.util.Optional.empty();
        }
    }

    /**
     * Opens the text index under benchmarks/target (kept between runs: it follows the database like the service's)
     * and brings it up to date, as the service does at start; returns the seconds it took.
     */
    double buildTextIndex() throws Exception {
        Method follow = ArticleTextIndex.class.getDeclaredMethod("follow");
        follow.setAccessible(true);
        long t0 = System.nanoTime();
        follow.invoke(textIndex);
        if (!textIndex.ready()) {
            throw new IllegalStateException("the text index did not come up (see the log above)");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The raw-SQL baseline: the captured statements, prepared and bound the same way, executed in one transaction
     * on a pooled connection, every row and column read; returns the rows read.
     */
    long replay(List<Captured> statements) throws SQLException {
        long rows = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Captured s : statements) {
                    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                        for (Object[] bind : s.binds()) {
                            Method m = (Method) bind[0];
                            m.invoke(ps, (Object[]) bind[1]);
                        }
                        if (ps.execute()) {
                            try (ResultSet rs = ps.getResultSet()) {
                                int columns = rs.getMetaData().getColumnCount();
                                while (rs.next()) {
                                    for (int i = 1; i <= columns; i++) {
                                        rs.getObject(i);
                                    }
                                    rows++;
                                }
                            }
                        }
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new SQLException("replay failed", e.getCause() == null ? e : e.getCause());
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return rows;
    }

    private DataSource recordingDataSource() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                Connection c = pool.getConnection();
                List<Captured> into = recording;
                return into == null ? c : recordingConnection(c, into);
            }
            return invoke(pool, method, args);
        };
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, handler);
    }

    private static Connection recordingConnection(Connection c, List<Captured> into) {
        return (Connection) Proxy.newProxyInstance(ServiceHarness.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(c, method, args);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                        Captured captured = new Captured((String) args[0], new ArrayList<>());
                        into.add(captured);
                        return recordingStatement(ps, captured);
                    }
                    return result;
                });
    }

    private static PreparedStatement recordingStatement(PreparedStatement ps, Captured captured) {
        return (PreparedStatement) Proxy.newProxyInstance(ServiceHarness.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                        captured.binds().add(new Object[] {method, args.clone()});
                    }
                    return invoke(ps, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static void inject(Object target, String field, Object value) {
        try {
            Class<?> type = target.getClass();
            Field f = null;
            while (f == null) {
                try {
                    f = type.getDeclaredField(field);
                } catch (NoSuchFieldException e) {
                    type = type.getSuperclass();
                    if (type == null) {
                        throw e;
                    }
                }
            }
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + target.getClass().getSimpleName() + "." + field
                    + " (did the class change?)", e);
        }
    }

    /** A @ConfigMapping interface answered from its @WithDefault values, with the statement timeout given. */
    @SuppressWarnings("unchecked")
    static <T> T config(Class<T> type, Duration statementTimeout) {
        return (T) Proxy.newProxyInstance(ServiceHarness.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : method.invoke(proxy, args);
            }
            if (method.getName().equals("statementTimeout")) {
                return statementTimeout;
            }
            if (method.getName().equals("directory")) {
                return java.util.Optional.of(System.getProperty("newslens.root", ".") + "/benchmarks/target/query-text-index");
            }
            Class<?> r = method.getReturnType();
            if (r.isInterface()) {
                return config(r, statementTimeout);
            }
            WithDefault d = method.getAnnotation(WithDefault.class);
            if (d == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " has no default");
            }
            String v = d.value();
            if (r == int.class) {
                return Integer.parseInt(v);
            }
            if (r == long.class) {
                return Long.parseLong(v);
            }
            if (r == double.class) {
                return Double.parseDouble(v);
            }
            if (r == boolean.class) {
                return Boolean.parseBoolean(v);
            }
            if (r == Duration.class) {
                return Duration.parse(v.startsWith("P") ? v : "PT" + v);
            }
            return v;
        });
    }

    @Override
    public void close() {
        hibernate.close();
        pool.close();
    }

    /** Silences java.util.logging noise from Hibernate's bootstrap. */
    static void quietLogs() {
        Logger.getLogger("org.hibernate").setLevel(java.util.logging.Level.WARNING);
        Logger.getLogger("io.agroal").setLevel(java.util.logging.Level.WARNING);
        System.setProperty("org.jboss.logging.provider", "jdk");
    }
}
