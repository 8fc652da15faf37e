package org.tumorboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * bin/bench (issue 21): our event path measured beside the raw broker in the same run, on the local stack of bin/run,
 * then the whole pathway, sustained referrals and the cost. Writes {@code target/bench/results.md}, {@code results.json}
 * and {@code chart.svg}.
 * <ol>
 * <li>{@link RawKafka}: Kafka's own end-to-end latency tool against the same broker.</li>
 * <li>{@link OneHop}: referrals one at a time, from intake's commit to staging's inbox commit (one clock: the databases').</li>
 * <li>{@link Pathway}: N cases from referral to surveillance through the public APIs, checked for errors, losses and doubles.</li>
 * <li>{@link Sustained}: referrals by 8 and 32 concurrent clients, and the backlog's drain.</li>
 * <li>{@link Cost}: start-up, memory idle and under the pathway's load, table growth, the retention job.</li>
 * <li>{@link Lists} ({@code --only lists}, not in the default run): the stack topped up to {@code --list-cases} cases
 * (50,000), then each working list timed as its screen asks for it.</li>
 * </ol>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int records = intArg(args, "--records", 2000);
        int referrals = intArg(args, "--referrals", quick ? 200 : 1000);
        int warmup = intArg(args, "--warmup", quick ? 50 : 100);
        int cases = intArg(args, "--cases", quick ? 100 : 1000);
        int clients = intArg(args, "--clients", 4);
        int seconds = intArg(args, "--sustained-seconds", quick ? 15 : 60);
        List<Integer> concurrency = Arrays.stream(stringArg(args, "--sustained-clients", "8,32").split(",")).map(Integer::parseInt).toList();
        int listCases = intArg(args, "--list-cases", 50_000);
        int listRequests = intArg(args, "--list-requests", 200);
        List<String> only = Arrays.asList(stringArg(args, "--only", "latency,pathway,sustained,startup").split(","));
        Stack stack = new Stack();
        Path root = Path.of("").toAbsolutePath();
        Path out = root.resolve("target/bench");
        Files.createDirectories(out);
        Report report = new Report(out);

        Map<String, Cost.Memory> idle = Cost.memory();
        report.idle(idle);

        if (only.contains("latency")) {
            latency(stack, report, records, referrals, warmup);
        }
        if (only.contains("pathway")) {
            pathway(stack, report, cases, clients);
        }
        if (only.contains("sustained")) {
            sustained(stack, report, concurrency, seconds);
        }
        if (only.contains("lists")) {
            System.out.printf("bench: the working lists at %d cases, each asked %d times%n", listCases, listRequests);
            report.lists(new Lists(stack).run(listCases, listRequests));
        }
        if (only.contains("startup")) {
            System.out.println("bench: start-up of each app, one replica at a time beside the stack");
            report.startups(new Cost(stack, root).startups());
        }
        report.write();
        System.out.println("bench: results in " + out);
    }

    private static void latency(Stack stack, Report report, int records, int referrals, int warmup) throws Exception {
        System.out.printf("bench: raw Kafka floor, %d records of 1 KB, acks=all, on %s%n", records, stack.kafka);
        Percentiles raw = RawKafka.measure(stack.kafka, records, report.out());
        System.out.printf("bench: raw Kafka p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%n", raw.p50(), raw.p99(), raw.p999());

        System.out.printf("bench: one hop, %d referrals one at a time (after %d not measured)%n", referrals, warmup);
        if (warmup > 0) {
            OneHop.measure(stack, warmup);
        }
        OneHop hop = OneHop.measure(stack, referrals);
        System.out.printf("bench: one hop p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%n", hop.total().p50(), hop.total().p99(), hop.total().p999());
        report.latency(raw, hop, records, warmup);
    }

    private static void pathway(Stack stack, Report report, int cases, int clients) throws Exception {
        System.out.printf("bench: whole pathway, %d cases, %d at a time%n", cases, clients);
        Pathway.Result pathway;
        try (Cost.Sampler sampler = new Cost.Sampler()) {
            pathway = new Pathway(stack).run(cases, clients);
            report.underLoad(sampler.peak, clients);
        }
        System.out.printf("bench: pathway %d cases in %.1f s, %d errors, %d events lost, %d cases with an effect not exactly once%n",
                cases, pathway.seconds(), pathway.errors().size(), pathway.lostEvents(), pathway.doubled().size());
        report.pathway(pathway);
    }

    private static void sustained(Stack stack, Report report, List<Integer> concurrency, int seconds) throws Exception {

        List<Sustained> sustained = new ArrayList<>();
        for (int n : concurrency) {
            System.out.printf("bench: sustained referrals, %d clients for %d s%n", n, seconds);
            Sustained s = Sustained.run(stack, n, seconds);
            System.out.printf("bench: %.1f referrals/s, POST p99 %.1f ms, last on the worklist %.0f ms after the load stopped%n",
                    s.acceptedPerSecond(), s.post().p99(), s.drainMs());
            sustained.add(s);
        }
        report.sustained(sustained);
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
