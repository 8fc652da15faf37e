package org.tumorboard.platform;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native SQL query rows, whose Java types depend on the driver and Hibernate's mapping. */
public final class NativeSql {

    private NativeSql() {
    }

    /** A {@code timestamptz} column as an Instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
