package org.tumorboard.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item 4, sustained referrals: {@code clients} coordinators post referrals back to back for {@code seconds}; accepted
 * per second, the POST's latency, and how long after the load stopped the last accepted referral reached the
 * pathologist's worklist (pathology-service's inbox commit of its referral event: the worklist is built from it).
 */
record Sustained(int clients, int seconds, int accepted, int refused, double acceptedPerSecond, Percentiles post,
        double drainMs, int notOnWorklist, double machineBusyPercent, Map<String, Double> cpuMsPerReferral) {

    static Sustained run(Stack stack, int clients, int seconds) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> cases = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        stack.token(Referrals.COORDINATOR);
        Map<String, Double> cpuBefore = Cost.cpuSeconds();
        double[] machineBefore = Cost.machineCpuSeconds();
        Instant start = Instant.now();
        Instant end = start.plusSeconds(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    long t0 = System.nanoTime();
                    try {
                        Stack.Answer answer = stack.send(Referrals.COORDINATOR, "POST", stack.intake + "/api/referrals",
                                Referrals.referral(counter.incrementAndGet()));
                        if (answer.status() == 201) {
                            cases.add(answer.body().path("caseId").asText());
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException failed) {
                        refused.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        Instant stopped = Instant.now();
        double loadSeconds = Stack.millis(start, stopped) / 1000;
        List<String> accepted = new ArrayList<>(cases);
        Map<String, Instant> onWorklist = Commits.awaitReferralReceived(stack, "pathology", accepted, Duration.ofMinutes(3));
        Instant last = onWorklist.values().stream().max(Instant::compareTo).orElse(stopped);
        // CPU over the load and the drain: the stack's work for these referrals, process by process
        double[] machineAfter = Cost.machineCpuSeconds();
        Map<String, Double> perReferral = new LinkedHashMap<>();
        Cost.cpuSeconds().forEach((role, cpu) -> perReferral.put(role,
                accepted.isEmpty() ? 0 : (cpu - cpuBefore.getOrDefault(role, 0.0)) * 1000 / accepted.size()));
        double busy = 100 * (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]);
        return new Sustained(clients, seconds, accepted.size(), refused.get(), accepted.size() / loadSeconds, Percentiles.of(latencies),
                Math.max(0, Stack.millis(stopped, last)), accepted.size() - onWorklist.size(), busy, perReferral);
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", clients);
        json.put("seconds", seconds);
        json.put("accepted", accepted);
        json.put("refused", refused);
        json.put("acceptedPerSecond", acceptedPerSecond);
        json.put("post", post.json());
        json.put("lastOnWorklistAfterLoadStoppedMs", drainMs);
        json.put("notOnWorklist", notOnWorklist);
        json.put("machineBusyPercent", machineBusyPercent);
        json.put("cpuMsPerAcceptedReferral", cpuMsPerReferral);
        return json;
    }
}
