package org.tumorboard.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Thousands of cases on the stack before the browser tests walk each role's day: every list they open is
 * then paged and searched among as many cases as a hub gathers in its first years, not read whole. The cases are
 * referred through intake's public API by eight clients at once, from the three sites in turn, with the tests' own
 * kind of identities (so the identity sweep looks for them too), then awaited on pathology's biopsy worklist, the end
 * of a referral's way through the services. They stop there: cases ready for the board would fill the meetings the tests
 * plan. {@code -Dstack.seed=N} sets how many (2,000 in the build; 0 for none).
 */
final class SeededCases {

    static final int COUNT = Integer.getInteger("stack.seed", 2000);
    private static final String[][] SITES = { { "coord-hub", "HUB" }, { "coord-north", "SPOKE-NORTH" }, { "coord-south", "SPOKE-SOUTH" } };
    private static boolean seeded;

    private SeededCases() {
    }

    /** The seeded cases, referred once per run of the tests, whichever test asks first. */
    static synchronized void ensure() throws Exception {
        if (seeded || COUNT <= 0) {
            return;
        }
        long before = waiting();
        long started = System.nanoTime();
        List<String> caseIds = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> referred = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                String[] site = SITES[i % SITES.length];
                double sizeCm = 4.0 + (i * 7) % 31;
                referred.add(clients.submit(() -> caseIds.add(Api.as(site[0], SystemStack.Service.INTAKE)
                        .body(Patients.referral(site[1], Patients.next(), sizeCm))
                        .post("/api/referrals").then().statusCode(201).extract().<String>path("caseId"))));
            }
            for (Future<?> f : referred) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        long posted = System.nanoTime();
        // All on pathology's worklist: its count of cases waiting for a biopsy has grown by the seeded ones (cheap to
        // ask), and the last referred of them, checked each by id, are there too (the referral events of one case
        // arrive in order, but those of different cases may overtake one another).
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (waiting() < before + COUNT) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the seeded cases did not all reach pathology's worklist: " + (waiting() - before) + " of " + COUNT);
            }
            Thread.sleep(500);
        }
        for (String caseId : caseIds.subList(Math.max(0, caseIds.size() - 16), caseIds.size())) {
            while (!onTheWorklist(caseId)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("seeded case " + caseId + " did not reach pathology's worklist");
                }
                Thread.sleep(200);
            }
        }
        seeded = true;
        System.out.printf("Seeded %d cases: referred in %d s, all on pathology's worklist %d s later%n", COUNT,
                Duration.ofNanos(posted - started).toSeconds(), Duration.ofNanos(System.nanoTime() - posted).toSeconds());
    }

    /** How many cases wait for a biopsy report on pathology's worklist (one row of the paged list asked for). */
    private static long waiting() {
        return Api.as("patho", SystemStack.Service.PATHOLOGY).queryParam("awaiting", "BIOPSY_REPORT").queryParam("size", 1)
                .get("/api/worklist/page").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static boolean onTheWorklist(String caseId) {
        return Api.as("patho", SystemStack.Service.PATHOLOGY).queryParam("q", caseId).queryParam("size", 1)
                .get("/api/worklist/page").then().statusCode(200).extract().jsonPath().getLong("total") == 1;
    }
}
