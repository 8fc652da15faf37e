package org.tumorboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The case list's search as the coordinator typed it: the search box (a name, an MRN or the start of a case id), the
 * status, the site (the hub's), the referral dates and the page. Values that cannot be used are dropped here, with a
 * word for the page, rather than sent; {@link #link(int)} keeps the search across pages.
 */
public record CaseSearch(String q, String status, String site, String from, String to, int page, List<String> problems) {

    static final int PAGE_SIZE = 25;

    static CaseSearch of(String q, String status, String site, String from, String to, String page, List<String> statuses) {
        List<String> problems = new java.util.ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && (text.length() > 100 || text.chars().anyMatch(Character::isISOControl))) {
            problems.add("The search is at most 100 characters of a name, an MRN or a case number.");
            text = null;
        }
        String s = status != null && statuses.contains(status) ? status : null;
        String fromDate = date(from, "The first referral date", problems);
        String toDate = date(to, "The last referral date", problems);
        int p = 0;
        try {
            p = page == null || page.isBlank() ? 0 : Math.max(0, Integer.parseInt(page.strip()) - 1);
        } catch (NumberFormatException e) {
            p = 0;
        }
        String siteCode = site == null || site.isBlank() ? null : site.strip();
        return new CaseSearch(text, s, siteCode, fromDate, toDate, p, List.copyOf(problems));
    }

    private static String date(String value, String what, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            problems.add(what + " is not a date; it is left out of the search.");
            return null;
        }
    }

    /** Whether anything narrows the list (the empty list then says so, with a way back to all cases). */
    public boolean narrowed() {
        return q != null || status != null || site != null || from != null || to != null;
    }

    /** This search's address up to {@code page=}, for the pager to add a page's number. */
    public String pageHref() {
        String first = link(1);
        return first + (first.contains("?") ? "&" : "?") + "page=";
    }

    /** This search's address at page {@code number} (counted from 1, as the page shows it). */
    public String link(int number) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("status", status);
        params.put("site", site);
        params.put("from", from);
        params.put("to", to);
        if (number > 1) {
            params.put("page", String.valueOf(number));
        }
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/cases" + (query.isEmpty() ? "" : "?" + query);
    }
}
