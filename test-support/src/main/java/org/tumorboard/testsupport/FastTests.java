package org.tumorboard.testsupport;

import java.lang.annotation.Annotation;
import java.util.Optional;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * {@code bin/test --fast}: with {@code -Dtumorboard.tests=fast} the tests that start Quarkus (and with it Kafka and
 * PostgreSQL) are left out of the plan, so what runs is the rule tables, mappers and contract tests. Without the
 * property every test runs: the full suite is the default, and CI runs it. Registered through the JUnit Platform's
 * service loader ({@code META-INF/services}), so test classes need no tag.
 */
public class FastTests implements PostDiscoveryFilter {

    public static final String PROPERTY = "tumorboard.tests";

    private static final String QUARKUS_TEST = "io.quarkus.test.junit.QuarkusTest";

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!"fast".equals(System.getProperty(PROPERTY))) {
            return FilterResult.included("the full suite");
        }
        Optional<Class<?>> testClass = descriptor.getSource().flatMap(FastTests::classOf);
        if (testClass.isPresent() && startsQuarkus(testClass.get())) {
            return FilterResult.excluded("starts Quarkus, Kafka and PostgreSQL: not a fast test");
        }
        return FilterResult.included("a fast test");
    }

    private static Optional<Class<?>> classOf(TestSource source) {
        if (source instanceof ClassSource c) {
            return Optional.of(c.getJavaClass());
        }
        if (source instanceof MethodSource m) {
            return Optional.of(m.getJavaClass());
        }
        return Optional.empty();
    }

    static boolean startsQuarkus(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            for (Annotation a : c.getAnnotations()) {
                if (a.annotationType().getName().equals(QUARKUS_TEST)) {
                    return true;
                }
            }
        }
        return false;
    }
}
