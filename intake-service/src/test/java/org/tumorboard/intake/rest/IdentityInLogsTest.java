package org.tumorboard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An MRN never reaches a log (issue 24): concurrent referrals for one new patient used to fail on the unique index of
 * (site, mrn), and PostgreSQL's error detail ("Key (site, mrn)=(HUB, ...) already exists") went into the error log with
 * the stack trace.
 */
@QuarkusTest
class IdentityInLogsTest {

    @Inject
    EntityManager em;

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void concurrentReferralsForOneNewPatientOpenOneCaseAndLogNoMrn() throws Exception {
        String mrn = "MRN-RACE-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Referrals.valid("HUB", mrn);
        String token = Tokens.hubCoordinator();
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<Integer> refer = () -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/referrals").statusCode();
            };
            answers.add(pool.submit(refer));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one case opened: " + statuses);
        assertEquals(clients - 1, statuses.stream().filter(s -> s == 409).count(), "the others told the patient has an open case: " + statuses);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(p) from Patient p where p.mrn = :mrn",
                Long.class).setParameter("mrn", mrn).getSingleResult()));
        assertNoLogMentions(mrn);
    }

    @Test
    void aUniqueViolationCarriesNoValuesIntoExceptionsOrLogs() {
        String mrn = "MRN-DUP-" + UUID.randomUUID().toString().substring(0, 8);
        Runnable insert = () -> em.createNativeQuery("insert into patient (id, site, mrn, given_name, family_name, birth_date, sex) "
                + "values (:id, 'HUB', :mrn, 'Given', 'Family', :birth, 'FEMALE')").setParameter("id", UUID.randomUUID())
                .setParameter("mrn", mrn).setParameter("birth", LocalDate.of(1960, 1, 1)).executeUpdate();
        QuarkusTransaction.requiringNew().run(insert);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(insert));

        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(mrn), "the exception chain carries the MRN: " + trace);
        assertNoLogMentions(mrn);
    }

    private void assertNoLogMentions(String mrn) {
        for (LogRecord record : records) {
            StringWriter text = new StringWriter();
            text.append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            assertFalse(text.toString().contains(mrn), "a log record carries the MRN: " + text);
        }
    }
}
