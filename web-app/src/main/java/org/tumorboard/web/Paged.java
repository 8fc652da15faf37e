package org.tumorboard.web;

/**
 * A page of a list a service paged in SQL ({@code page} from 0, as the services count), read the way the pages show
 * it: numbered from 1, with its neighbours.
 */
public interface Paged {

    int page();

    int size();

    long total();

    default long pages() {
        return size() <= 0 ? 1 : Math.max(1, (total() + size() - 1) / size());
    }

    default int number() {
        return page() + 1;
    }

    default int previousNumber() {
        return page();
    }

    default int nextNumber() {
        return page() + 2;
    }

    default boolean hasPrevious() {
        return page() > 0;
    }

    default boolean hasNext() {
        return page() + 1 < pages();
    }

    /** A "first page" link beside "previous" when the first is not the previous one. */
    default boolean hasFirst() {
        return page() > 1;
    }

    /** A "last page" link beside "next" when the last is not the next one: 2,000 pages at 50,000 cases. */
    default boolean hasLast() {
        return page() + 2 < pages();
    }
}
