package org.tumorboard.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.MalformedEventException;

/** Which failures the consumer waits out (retry, partition paused) and which it dead-letters. */
class TransientFailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("connection refused, wrapped", new RuntimeException(new ConnectException("Connection refused")), true),
                Arguments.of("JDBC connection lost", new JDBCConnectionException("lost", new SQLException("io", "08006")), true),
                Arguments.of("SQL state 08 (connection)", new SQLException("closed", "08003"), true),
                Arguments.of("SQL state 57P01 (admin shutdown)", new RuntimeException(new SQLException("shutdown", "57P01")), true),
                Arguments.of("SQL state 53300 (too many connections)", new SQLException("too many", "53300"), true),
                Arguments.of("serialization failure", new SQLException("serialize", "40001"), true),
                Arguments.of("deadlock", new SQLException("deadlock", "40P01"), true),
                Arguments.of("transient connection", new SQLTransientConnectionException("gone"), true),
                Arguments.of("pool acquisition timeout", new RuntimeException(new SQLException("Sorry, acquisition timeout!")), true),
                Arguments.of("unique violation", new SQLException("duplicate", "23505"), false),
                Arguments.of("malformed event", new MalformedEventException("bad"), false),
                Arguments.of("a broken rule", new IllegalStateException("no"), false),
                Arguments.of("no SQL state", new SQLException("odd"), false));
    }

    @ParameterizedTest(name = "{0} -> transient {2}")
    @MethodSource("failures")
    void classifies(String why, Throwable failure, boolean expected) {
        assertEquals(expected, TransientFailures.isTransient(failure));
    }

    /** Issue 24, item 5: only a refusal for lack of slots is a connection limit, wherever it sits in the causes. */
    @ParameterizedTest(name = "{0} -> transient {2}")
    @MethodSource("failures")
    void tellsAConnectionLimitFromEveryOtherFailure(String why, Throwable failure, boolean transientFailure) {
        assertEquals(why.contains("53300"), TransientFailures.isConnectionLimit(failure), why);
        assertEquals(true, TransientFailures.isConnectionLimit(new RuntimeException(new JDBCConnectionException("x",
                new SQLException("FATAL: too many connections for role \"staging\"", "53300")))));
    }
}
