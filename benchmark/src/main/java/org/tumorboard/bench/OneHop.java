package org.tumorboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 2, one hop: referrals posted one at a time through intake's API; for each, from the commit of intake's referral
 * (its timeline row, written with the outbox row and never changed) to the commit of staging-service's inbox row, and
 * the halves on either side of the relay's commit that marked it sent (after the broker's acknowledgement).
 */
record OneHop(Percentiles total, Percentiles relay, Percentiles consume, double seconds) {

    static OneHop measure(Stack stack, int referrals) throws Exception {
        Instant started = Instant.now();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            cases.add(stack.call(Referrals.COORDINATOR, "POST", stack.intake + "/api/referrals", Referrals.referral(i), 201)
                    .path("caseId").asText());
        }
        double seconds = Stack.millis(started, Instant.now()) / 1000;
        Map<String, Instant> received = Commits.awaitReferralReceived(stack, "staging", cases, Duration.ofMinutes(2));
        Map<String, Instant> committed = Commits.stamps(stack, "intake", "select case_id::text, pg_xact_commit_timestamp(xmin) "
                + "from timeline_entry where type = ? and case_id::text = any(?)", Referrals.REFERRED, cases);
        Map<String, Instant> sent = Commits.stamps(stack, "intake", "select subject, pg_xact_commit_timestamp(xmin) from outbox_event "
                + "where type = ? and subject = any(?) and sent_at is not null", Referrals.REFERRED, cases);
        List<Double> lags = new ArrayList<>();
        List<Double> relay = new ArrayList<>();
        List<Double> consume = new ArrayList<>();
        for (String c : cases) {
            Instant from = committed.get(c);
            Instant to = received.get(c);
            if (from == null || to == null) {
                throw new IllegalStateException("case " + c + ": referral committed " + from + ", staging's inbox row " + to);
            }
            lags.add(Stack.millis(from, to));
            if (sent.get(c) != null) {
                relay.add(Stack.millis(from, sent.get(c)));
                consume.add(Stack.millis(sent.get(c), to));
            }
        }
        return new OneHop(Percentiles.of(lags), Percentiles.of(relay), Percentiles.of(consume), seconds);
    }

    Map<String, Object> json(int warmup) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", "commit of intake's referral (timeline_entry xmin)");
        json.put("to", "commit of staging's inbox_event row (xmin)");
        json.put("warmupReferrals", warmup);
        json.put("seconds", seconds);
        json.putAll(total.json());
        json.put("referralCommitToRelayCommit", relay.json());
        json.put("relayCommitToInboxCommit", consume.json());
        return json;
    }
}
