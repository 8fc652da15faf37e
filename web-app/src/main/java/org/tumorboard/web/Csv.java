package org.tumorboard.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One CSV line (RFC 4180): every field quoted, quotes doubled; a field a spreadsheet would run as a formula is defused. */
final class Csv {

    private Csv() {
    }

    static String row(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",")) + "\n";
    }

    static String field(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
