package org.tumorboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lists of a working day, timed at volume (each under 300 ms at 50,000 cases is the target). The stack is first topped up to {@code cases} cases
 * (referrals through intake's public API by 16 clients, awaited on pathology's worklist; the pathway stage's cases are
 * the ones in surveillance and on agendas), then each list the screens open is asked {@code requests} times, one
 * request at a time, as the screen's user: the service's answer time, client side. The web app adds its own rendering
 * on top; these are the services' SQL-paged answers it waits on.
 */
final class Lists {

    static final double TARGET_MS = 300;
    private static final int CLIENTS = 16;
    private static final int WARMUP = 10;
    /** Cases on a meeting waiting for a member's vote: a week's meetings of a busy hub. */
    private static final int VOTES_WAITING = 50;

    /** One list asked as a screen asks it: who, what, how many rows the answer said there are, and the times. */
    record Timing(String list, String user, String request, long total, Percentiles ms) {
    }

    record Result(long cases, int referredNow, double topUpSeconds, List<Timing> timings) {
    }

    private final Stack stack;

    Lists(Stack stack) {
        this.stack = stack;
    }

    Result run(int cases, int requests) throws Exception {
        Instant started = Instant.now();
        long before = total(stack.intake + "/api/cases?size=1", "coord-hub");
        int missing = (int) Math.max(0, cases - before);
        if (missing > 0) {
            System.out.printf("bench: %d cases on the stack; referring %d more by %d clients%n", before, missing, CLIENTS);
            topUp(missing);
        }
        waitingForVotes(VOTES_WAITING);
        double topUp = Stack.millis(started, Instant.now()) / 1000;
        long now = total(stack.intake + "/api/cases?size=1", "coord-hub");
        long pages = Math.max(1, (now + 24) / 25);
        long worklist = total(stack.pathology + "/api/worklist/page?size=1", "patho");
        String today = LocalDate.now().toString();
        List<Timing> timings = new ArrayList<>();
        timings.add(time("hub case list, first page", "coord-hub", stack.intake + "/api/cases?page=0&size=25", requests));
        timings.add(time("hub case list, last page", "coord-hub", stack.intake + "/api/cases?page=" + (pages - 1) + "&size=25", requests));
        // A patient the list holds, looked for by family name and by the start of the MRN, as a coordinator types them.
        JsonNode someone = stack.call("coord-hub", "GET", stack.intake + "/api/cases?page=" + (pages / 2) + "&size=1", null, 200)
                .path("items").path(0).path("patient");
        String family = someone.path("familyName").asText();
        String mrn = someone.path("mrn").asText();
        timings.add(time("hub case list, a family name", "coord-hub", stack.intake + "/api/cases?size=25&q=" + Stack.encode(family), requests));
        timings.add(time("hub case list, a common name's start", "coord-hub", stack.intake + "/api/cases?size=25&q=case1", requests));
        timings.add(time("hub case list, an MRN's start", "coord-hub",
                stack.intake + "/api/cases?size=25&q=" + Stack.encode(mrn.substring(0, Math.min(10, mrn.length()))), requests));
        timings.add(time("hub case list, a site and status", "coord-hub",
                stack.intake + "/api/cases?site=HUB&status=BIOPSY&size=25", requests));
        timings.add(time("hub case list, referred in one month", "coord-hub", stack.intake + "/api/cases?referredFrom="
                + LocalDate.now().minusDays(30) + "&referredTo=" + today + "&size=25", requests));
        timings.add(time("spoke case list, first page", "coord-north", stack.intake + "/api/cases?page=0&size=25", requests));
        timings.add(time("pathology worklist, first page", "patho", stack.pathology + "/api/worklist/page?page=0&size=25", requests));
        timings.add(time("pathology worklist, last page", "patho", stack.pathology + "/api/worklist/page?page="
                + Math.max(0, (worklist + 24) / 25 - 1) + "&size=25", requests));
        timings.add(time("pathology worklist, a case number", "patho", stack.pathology + "/api/worklist/page?q=4711&size=25", requests));
        String due = stack.board + "/api/surveillance/due-visits?withinDays=365&size=25";
        timings.add(time("nurse's due visits, one year", "nurse-hub", due, requests));
        // The nurse's screen then asks intake who the page's patients are (their names and phones).
        StringBuilder who = new StringBuilder(stack.intake + "/api/cases?size=25");
        for (JsonNode visit : stack.call("nurse-hub", "GET", due, null, 200).path("items")) {
            who.append("&caseId=").append(visit.path("caseId").asText());
        }
        timings.add(time("nurse's due visits with the patients' names", List.of(new Call("nurse-hub", due), new Call("nurse-hub", who.toString())),
                requests));
        timings.add(time("nurse's patients in surveillance, a name", "nurse-hub",
                stack.intake + "/api/cases?status=SURVEILLANCE&q=case4&size=100", requests));
        timings.add(time("member's cases to vote on", "radiologist", stack.board + "/api/votes/pending", requests));
        timings.add(time("operating list (plans being carried out)", "surgeon", stack.board + "/api/plans/open", requests));
        JsonNode meetings = stack.call("chair", "GET", stack.board + "/api/meetings?from=" + today, null, 200);
        String busiest = busiestMeeting(meetings);
        timings.add(busiest == null ? new Timing("a meeting's agenda", "chair", "(no upcoming meeting: not measured)", 0, Percentiles.of(List.of()))
                : time("a meeting's agenda", "chair", stack.board + "/api/meetings/" + busiest + "/agenda", requests));
        timings.add(time("dashboard: cases per site and status", "coord-hub", stack.intake + "/api/dashboard/cases", requests));
        timings.add(time("dashboard: overdue plans", "coord-hub", stack.board + "/api/plans/overdue", requests));
        timings.add(time("dashboard: waiting times", "coord-hub", stack.board + "/api/dashboard/timeliness", requests));
        timings.add(time("dashboard: R0 rate", "coord-hub", stack.pathology + "/api/dashboard/margins", requests));
        // The hub dashboard's page waits for these four, one after another (DashboardPage): its target is one second.
        timings.add(time("dashboard: its four calls in a row", List.of(
                new Call("coord-hub", stack.intake + "/api/dashboard/cases"), new Call("coord-hub", stack.board + "/api/dashboard/timeliness"),
                new Call("coord-hub", stack.pathology + "/api/dashboard/margins"), new Call("coord-hub", stack.board + "/api/plans/overdue")),
                requests));
        return new Result(now, missing, topUp, timings);
    }

    /**
     * At least {@code wanted} cases on a meeting without a decision, so that "my cases to vote on" has rows: the oldest
     * cases waiting for a biopsy get one, on a meeting planned for them, and board-service places them.
     */
    private void waitingForVotes(int wanted) throws Exception {
        int pending = stack.call("radiologist", "GET", stack.board + "/api/votes/pending", null, 200).size();
        if (pending >= wanted) {
            return;
        }
        int more = wanted - pending;
        stack.call("chair", "POST", stack.board + "/api/meetings",
                "{\"date\":\"%s\",\"capacity\":%d}".formatted(LocalDate.now().plusDays(60), more), 201);
        JsonNode oldest = stack.call("patho", "GET", stack.pathology + "/api/worklist/page?awaiting=BIOPSY_REPORT&size=" + more, null, 200);
        for (JsonNode item : oldest.path("items")) {
            stack.call("patho", "POST", stack.pathology + "/api/cases/" + item.path("caseId").asText() + "/biopsy-reports", """
                    {"specimenType":"CORE_NEEDLE","histology":"LEIOMYOSARCOMA",
                     "fnclcc":{"differentiation":2,"mitosesPer10Hpf":5,"necrosisPercent":0}}""", 201);
        }
        Stack.await(wanted + " cases waiting for the radiologist's vote", Duration.ofMinutes(3),
                () -> stack.call("radiologist", "GET", stack.board + "/api/votes/pending", null, 200).size() >= wanted);
    }

    private void topUp(int missing) throws Exception {
        for (String site : Referrals.SITES) {
            stack.token(Referrals.coordinator(site));
        }
        long waitingBefore = total(stack.pathology + "/api/worklist/page?awaiting=BIOPSY_REPORT&size=1", "patho");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int base = (int) (System.currentTimeMillis() % 1_000_000) * 100;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < missing) {
                        String site = Referrals.SITES.get(i % Referrals.SITES.size());
                        Stack.Answer answer = stack.send(Referrals.coordinator(site), "POST", stack.intake + "/api/referrals",
                                Referrals.referral(base + i, site));
                        if (answer.status() != 201) {
                            refused.incrementAndGet();
                        }
                        if (i % 5000 == 0 && i > 0) {
                            System.out.printf("bench: %d referred%n", i);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " of the top-up's referrals were refused");
        }
        Stack.await("the top-up's referrals on pathology's worklist", Duration.ofMinutes(10),
                () -> total(stack.pathology + "/api/worklist/page?awaiting=BIOPSY_REPORT&size=1", "patho") >= waitingBefore + missing);
    }

    /** A GET as a user. */
    private record Call(String user, String url) {
    }

    private Timing time(String list, String user, String url, int requests) throws Exception {
        return time(list, List.of(new Call(user, url)), requests);
    }

    /** The calls one after another, {@code requests} times after a warm-up; the rows are the first call's. */
    private Timing time(String list, List<Call> calls, int requests) throws Exception {
        long total = -1;
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < WARMUP + requests; i++) {
            long t0 = System.nanoTime();
            for (int c = calls.size() - 1; c >= 0; c--) {
                Call call = calls.get(c);
                Stack.Answer answer = stack.send(call.user(), "GET", call.url(), null);
                if (answer.status() != 200) {
                    throw new IllegalStateException(list + ": " + call.user() + " GET " + call.url() + " answered " + answer.status() + ": "
                            + answer.text());
                }
                total = rows(answer.body());
            }
            if (i >= WARMUP) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Percentiles p = Percentiles.of(ms);
        System.out.printf("bench: %-50s %7d rows  p50 %6.1f ms  p99 %6.1f ms%n", list, total, p.p50(), p.p99());
        return new Timing(list, calls.get(0).user(), String.join(" + ", calls.stream().map(c -> c.url().replaceFirst("^https?://[^/]+", "")
                .replaceAll("(&caseId=[0-9a-f-]+)+", "&caseId=(the page's ids)")).toList()), total, p);
    }

    /** How many rows an answer says the list has: a page's total, an agenda's cases, a list's length, or -1 (a summary). */
    private static long rows(JsonNode body) {
        if (body.has("total")) {
            return body.get("total").asLong();
        }
        if (body.has("cases") && body.get("cases").isArray()) {
            return body.get("cases").size();
        }
        return body.isArray() ? body.size() : -1;
    }

    private long total(String url, String user) throws Exception {
        return stack.call(user, "GET", url, null, 200).path("total").asLong();
    }

    /** The upcoming meeting with the most cases on it. */
    private static String busiestMeeting(JsonNode meetings) {
        String busiest = null;
        int most = -1;
        for (JsonNode m : meetings) {
            int scheduled = m.path("scheduled").asInt();
            if (scheduled > most) {
                most = scheduled;
                busiest = m.path("meetingId").asText();
            }
        }
        return busiest;
    }

    static Map<String, Object> json(Timing t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("list", t.list());
        json.put("user", t.user());
        json.put("request", t.request());
        json.put("rows", t.total());
        json.put("ms", t.ms().json());
        return json;
    }
}
