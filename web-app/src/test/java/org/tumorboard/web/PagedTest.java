package org.tumorboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A list's pages as the pager shows them: numbered from 1, first and last links only where they add a step. */
class PagedTest {

    private record Page(int page, int size, long total) implements Paged {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # page from 0 | size | total | pages | number | first | previous | next  | last
            0             | 25   | 0     | 1     | 1      | false | false    | false | false
            0             | 25   | 25    | 1     | 1      | false | false    | false | false
            0             | 25   | 26    | 2     | 1      | false | false    | true  | false
            1             | 25   | 26    | 2     | 2      | false | true     | false | false
            0             | 25   | 51    | 3     | 1      | false | false    | true  | true
            1             | 25   | 51    | 3     | 2      | false | true     | true  | false
            2             | 25   | 51    | 3     | 3      | true  | true     | false | false
            0             | 25   | 50000 | 2000  | 1      | false | false    | true  | true
            1999          | 25   | 50000 | 2000  | 2000   | true  | true     | false | false
            1000          | 25   | 50000 | 2000  | 1001   | true  | true     | true  | true
            """)
    void pagesAndLinks(int page, int size, long total, long pages, int number, boolean first, boolean previous, boolean next,
            boolean last) {
        Paged p = new Page(page, size, total);
        assertEquals(pages, p.pages(), "pages");
        assertEquals(number, p.number(), "number");
        assertEquals(first, p.hasFirst(), "first");
        assertEquals(previous, p.hasPrevious(), "previous");
        assertEquals(next, p.hasNext(), "next");
        assertEquals(last, p.hasLast(), "last");
    }
}
