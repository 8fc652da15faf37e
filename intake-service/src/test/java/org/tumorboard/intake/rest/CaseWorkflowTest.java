package org.tumorboard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.EventType;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.ResectabilityImaging;
import org.tumorboard.events.Topics;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A coordinator's day: incomplete work-up completed later, a second referral, withdrawal, the case list. */
@QuarkusTest
class CaseWorkflowTest {

    @Inject
    EntityManager em;

    @Test
    void incompleteWorkupIsListedAndCompletedByAnImagingUpdate() {
        Map<String, Object> body = Referrals.with(Referrals.with(Referrals.valid("SPOKE-NORTH"), "imaging.chestImaging", null),
                "imaging.ctAbdomenPelvisDate", null);
        String caseId = given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(201)
                .body("status", equalTo("WORKUP"))
                .body("missingWorkup", contains("CT_ABDOMEN_PELVIS", "CHEST_IMAGING"))
                .extract().path("caseId");

        Map<String, Object> imaging = Referrals.valid("SPOKE-NORTH");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON).body(imaging.get("imaging"))
                .when().put("/api/cases/" + caseId + "/imaging")
                .then().statusCode(200)
                .body("status", equalTo("BIOPSY"))
                .body("workup.complete", equalTo(true))
                .body("workup.missing", empty());

        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.INTAKE, caseId, 3, Duration.ofSeconds(30));
        assertEquals(List.of(CaseEventTypes.CASE_REFERRED.name(), CaseEventTypes.IMAGING_UPDATED.name(),
                CaseEventTypes.WORKUP_COMPLETED.name()), events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        assertNoIdentity(events, "Ana", "Silva", "1961-04-02");
    }

    /**
     * Issue 19, item 7: vessel involvement and organs abutted are recorded with the imaging, shown on the case, and
     * travel to the board (no identity) with the referral and each update; an update replaces them.
     */
    @Test
    void vesselInvolvementAndOrgansAbuttedAreRecordedShownAndPublished() {
        Map<String, Object> body = Referrals.with(Referrals.with(Referrals.valid("SPOKE-NORTH"), "imaging.vesselInvolvement",
                List.of(Map.of("vessel", "IVC", "extent", "ABUTMENT"), Map.of("vessel", "RENAL_VEIN", "extent", "ENCASEMENT"))),
                "imaging.organsAbutted", List.of("KIDNEY_RIGHT", "DUODENUM"));
        String caseId = given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(201).extract().path("caseId");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).get("/api/cases/" + caseId).then().statusCode(200)
                .body("imaging.vesselInvolvement.vessel", contains("IVC", "RENAL_VEIN"))
                .body("imaging.vesselInvolvement.extent", contains("ABUTMENT", "ENCASEMENT"))
                .body("imaging.organsAbutted", contains("KIDNEY_RIGHT", "DUODENUM"));

        Map<String, Object> update = Referrals.with(Referrals.with(Referrals.valid("SPOKE-NORTH"), "imaging.vesselInvolvement",
                List.of(Map.of("vessel", "SMA", "extent", "ENCASEMENT"))), "imaging.solidEnhancingComponent", true);
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON).body(update.get("imaging"))
                .when().put("/api/cases/" + caseId + "/imaging")
                .then().statusCode(200)
                .body("imaging.vesselInvolvement.vessel", contains("SMA"))
                .body("imaging.organsAbutted", empty());

        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.INTAKE, caseId, 3, Duration.ofSeconds(30));
        CaseReferred referred = EventCodec.fromJson(events.get(0).value(), CaseReferred.class);
        assertEquals(List.of(new ResectabilityImaging.Vessel("IVC", "ABUTMENT"), new ResectabilityImaging.Vessel("RENAL_VEIN",
                "ENCASEMENT")), referred.imaging().vesselInvolvement());
        assertEquals(List.of("KIDNEY_RIGHT", "DUODENUM"), referred.imaging().organsAbutted());
        ImagingUpdated updated = EventCodec.fromJson(valueOfType(events, CaseEventTypes.IMAGING_UPDATED), ImagingUpdated.class);
        assertEquals(new ResectabilityImaging(true, List.of(new ResectabilityImaging.Vessel("SMA", "ENCASEMENT")), List.of()),
                updated.imaging());
        assertNoIdentity(events, "Ana", "Silva", "1961-04-02");
    }

    @Test
    void imagingUpdateIsValidatedSiteScopedAndChangesNothingWhenRefused() {
        String caseId = IntakeApi.refer("SPOKE-SOUTH");
        long events = count("outbox_event");
        Map<String, Object> imaging = Referrals.valid("SPOKE-SOUTH");
        @SuppressWarnings("unchecked")
        Map<String, Object> before1961 = Referrals.with(imaging, "imaging.ctAbdomenPelvisDate", "1950-01-01");
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(before1961.get("imaging"))
                .when().put("/api/cases/" + caseId + "/imaging")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("ctAbdomenPelvisDate"));
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON)
                .body(Referrals.with(imaging, "imaging.greatestDimensionCm", -1).get("imaging"))
                .when().put("/api/cases/" + caseId + "/imaging")
                .then().statusCode(400).body("errors.field", contains("greatestDimensionCm"));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON).body(imaging.get("imaging"))
                .when().put("/api/cases/" + caseId + "/imaging")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(imaging.get("imaging"))
                .when().put("/api/cases/" + caseId + "/imaging")
                .then().statusCode(403);
        assertEquals(events, count("outbox_event"));
    }

    @Test
    void aSecondOpenCaseForTheSamePatientIsFlaggedAndNeedsConfirmation() {
        String mrn = "MRN-" + UUID.randomUUID();
        String first = IntakeApi.refer(Referrals.valid("HUB", mrn));
        long cases = count("intake_case");
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(Referrals.valid("HUB", mrn))
                .when().post("/api/referrals")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("confirmSecondOpenCase"))
                .body("detail", org.hamcrest.Matchers.containsString(first));
        assertEquals(cases, count("intake_case"), "not silently created");

        String second = given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON)
                .body(Referrals.with(Referrals.valid("HUB", mrn), "confirmSecondOpenCase", true))
                .when().post("/api/referrals")
                .then().statusCode(201)
                .body("otherOpenCases", contains(first))
                .extract().path("caseId");
        assertEquals(1, count("patient where mrn = '" + mrn + "'"), "one patient with two cases");
        assertEquals(2, count("intake_case c join patient p on p.id = c.patient_id where p.mrn = '" + mrn + "'"));

        // Once the first is withdrawn, a referral for the patient needs no confirmation.
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(Map.of("reason", "duplicate referral"))
                .when().post("/api/cases/" + first + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(Map.of("reason", "duplicate referral"))
                .when().post("/api/cases/" + second + "/withdrawal")
                .then().statusCode(200);
        IntakeApi.refer(Referrals.valid("HUB", mrn));
    }

    @Test
    void withdrawalNeedsAReasonEmitsItsEventAndHappensOnce() {
        String caseId = IntakeApi.refer("SPOKE-NORTH");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/cases/" + caseId + "/withdrawal")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).contentType(ContentType.JSON)
                .body(Map.of("reason", "patient moved"))
                .when().post("/api/cases/" + caseId + "/withdrawal")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Mrs SILVA prefers to be treated elsewhere"))
                .when().post("/api/cases/" + caseId + "/withdrawal")
                .then().statusCode(400).body("errors.field", contains("reason"))
                .body("detail", not(org.hamcrest.Matchers.containsString("SILVA")));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON)
                .body(Map.of("reason", "patient chose treatment closer to home"))
                .when().post("/api/cases/" + caseId + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .when().post("/api/cases/" + caseId + "/withdrawal")
                .then().statusCode(409).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.INTAKE, caseId, 3, Duration.ofSeconds(30));
        assertEquals(CaseEventTypes.CASE_WITHDRAWN.name(), TopicReader.header(events.get(events.size() - 1), "ce_type"));
        assertEquals(1, events.stream().filter(r -> CaseEventTypes.CASE_WITHDRAWN.name().equals(TopicReader.header(r, "ce_type"))).count());
        assertEquals("Withdrawn: patient chose treatment closer to home",
                IntakeApi.getCase(caseId).getString("timeline[-1].summary"));
    }

    @Test
    void theCaseListPagesFiltersAndKeepsSpokesToTheirOwnSite() {
        for (int i = 0; i < 3; i++) {
            IntakeApi.refer("SPOKE-SOUTH");
        }
        IntakeApi.refer("SPOKE-NORTH");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH"))
                .when().get("/api/cases?size=2&page=0")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.referringSite", everyItem(equalTo("SPOKE-SOUTH")))
                .body("size", equalTo(2));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH"))
                .when().get("/api/cases?site=SPOKE-NORTH")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
        given().auth().oauth2(Tokens.hubCoordinator())
                .when().get("/api/cases?site=SPOKE-NORTH&status=BIOPSY")
                .then().statusCode(200)
                .body("items.referringSite", everyItem(equalTo("SPOKE-NORTH")))
                .body("items.status", everyItem(equalTo("BIOPSY")))
                .body("items", not(empty()));
        given().auth().oauth2(Tokens.hubCoordinator())
                .when().get("/api/cases?status=ALMOST_DONE")
                .then().statusCode(400).body("errors.field", contains("status"));
        given().auth().oauth2(Tokens.hubCoordinator())
                .when().get("/api/cases?size=1000")
                .then().statusCode(400).body("errors.field", contains("size"));
    }

    /**
     * The pages of a list, read one by one, are the list in one piece: the far half is read from the other end (the
     * last page of 50,000 cases costs no more than the first) and comes back in the list's order.
     */
    @Test
    void pagesReadFromEitherEndMakeTheWholeListInOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "y");
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = Referrals.valid("SPOKE-NORTH", "P" + tag.toUpperCase() + "-" + i);
            @SuppressWarnings("unchecked")
            Map<String, Object> patient = (Map<String, Object>) body.get("patient");
            patient.put("familyName", "Pager" + tag);
            IntakeApi.refer(body);
        }
        List<String> whole = given().auth().oauth2(Tokens.hubCoordinator()).queryParam("q", "pager" + tag).queryParam("size", 100)
                .when().get("/api/cases").then().statusCode(200).body("total", equalTo(7)).extract().jsonPath().getList("items.caseId");
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 4; page++) {
            paged.addAll(given().auth().oauth2(Tokens.hubCoordinator()).queryParam("q", "pager" + tag).queryParam("size", 2)
                    .queryParam("page", page)
                    .when().get("/api/cases").then().statusCode(200).body("total", equalTo(7))
                    .body("items.size()", equalTo(page < 3 ? 2 : 1)).extract().jsonPath().getList("items.caseId"));
        }
        assertEquals(whole, paged);
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("q", "pager" + tag).queryParam("size", 2).queryParam("page", 4)
                .when().get("/api/cases").then().statusCode(200).body("total", equalTo(7)).body("items", empty());
    }

    /**
     * A person is found by name, MRN or the start of the case id, in SQL, paged; the list says who each case is to the
     * roles that contact or treat the patient (on the audit trail), and to the others neither shows nor searches names.
     */
    @Test
    void theCaseListFindsAPersonByNameMrnOrCaseForTheRolesAllowedIdentity() {
        String tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        Map<String, Object> body = Referrals.valid("SPOKE-NORTH", "Q" + tag.toUpperCase() + "-77");
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) body.get("patient");
        patient.put("givenName", "Joana");
        patient.put("familyName", "Zed" + tag + "ova");
        String caseId = IntakeApi.refer(body);
        IntakeApi.refer("SPOKE-NORTH");

        for (String typed : List.of("zed" + tag, "ZED" + tag + "OVA", "jo zed" + tag, "q" + tag, caseId.substring(0, 8), caseId)) {
            given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).queryParam("q", typed)
                    .when().get("/api/cases")
                    .then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].caseId", equalTo(caseId))
                    .body("items[0].patient.familyName", equalTo("Zed" + tag + "ova"))
                    .body("items[0].patient.mrn", equalTo("Q" + tag.toUpperCase() + "-77"));
        }
        // Every word must match: a wrong given name finds no one; LIKE's wildcards typed are plain characters.
        for (String typed : List.of("ana zed" + tag, "zed" + tag + "%", "_ed" + tag)) {
            given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).queryParam("q", typed)
                    .when().get("/api/cases")
                    .then().statusCode(200).body("total", equalTo(0));
        }
        // Another site's coordinator does not find the patient, by name or by case id.
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).queryParam("q", caseId.substring(0, 8))
                .when().get("/api/cases").then().statusCode(200).body("total", equalTo(0));
        // A pathologist finds the case by its id, without identity, and finds no one by name.
        given().auth().oauth2(Tokens.pathologist()).queryParam("q", caseId.substring(0, 8))
                .when().get("/api/cases")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0]", not(hasKey("patient")));
        given().auth().oauth2(Tokens.pathologist()).queryParam("q", "zed" + tag)
                .when().get("/api/cases").then().statusCode(200).body("total", equalTo(0));
        // The ids of another list's page: the identity a nurse's or coordinator's list shows beside each case.
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("caseId", caseId).queryParam("caseId", UUID.randomUUID().toString())
                .when().get("/api/cases")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].patient.givenName", equalTo("Joana"));
        // Referral dates filter; bad parameters are 400s naming them.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("q", "zed" + tag).queryParam("referredFrom", today)
                .queryParam("referredTo", today)
                .when().get("/api/cases").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("q", "zed" + tag).queryParam("referredTo", "2020-01-01")
                .when().get("/api/cases").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("referredFrom", "yesterday")
                .when().get("/api/cases").then().statusCode(400).body("errors.field", contains("referredFrom"));
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("referredTo", "+999999999-12-31")
                .when().get("/api/cases").then().statusCode(400).body("errors.field", contains("referredTo"));
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("page", String.valueOf(Integer.MAX_VALUE))
                .when().get("/api/cases").then().statusCode(400).body("errors.field", contains("page"));
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("q", "a\u0000b")
                .when().get("/api/cases").then().statusCode(400).body("errors.field", contains("q"));
        given().auth().oauth2(Tokens.hubCoordinator()).queryParam("caseId", "not-an-id")
                .when().get("/api/cases").then().statusCode(400).body("errors.field", contains("caseId"));
    }

    @Test
    void sitesAreListedHubFirst() {
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH"))
                .when().get("/api/sites")
                .then().statusCode(200)
                .body("code", contains("HUB", "SPOKE-NORTH", "SPOKE-SOUTH"))
                .body("[0].hub", equalTo(true));
    }

    @Test
    void aBodyOver64KbIs413AndStoresNothing() {
        long cases = count("intake_case");
        String huge = "x".repeat(70 * 1024);
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON)
                .body(Referrals.with(Referrals.valid("HUB"), "clinicalQuestion", huge))
                .when().post("/api/referrals")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors.field", contains("body"));
        assertEquals(cases, count("intake_case"));
    }

    @Test
    void noEventOnTheIntakeTopicCarriesPatientIdentity() {
        IntakeApi.refer(Referrals.valid("SPOKE-NORTH", "N-555001"));
        // Every record on the topic so far, from every test of this JVM: all referrals are of Ana Silva, born 1961-04-02.
        List<ConsumerRecord<String, String>> all = TopicReader.read(Topics.INTAKE, r -> true, Integer.MAX_VALUE,
                Duration.ofSeconds(6), Duration.ZERO);
        org.junit.jupiter.api.Assertions.assertTrue(all.size() >= 2, "the topic was read");
        assertNoIdentity(all, "Ana", "Silva", "1961-04-02", "N-555001", "MRN-");
    }

    private static String valueOfType(List<ConsumerRecord<String, String>> events, EventType<?> type) {
        return events.stream().filter(r -> type.name().equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow().value();
    }

    private static void assertNoIdentity(List<ConsumerRecord<String, String>> events, String... identity) {
        for (ConsumerRecord<String, String> event : events) {
            for (String value : identity) {
                assertFalse(event.value().contains(value), TopicReader.header(event, "ce_type") + " carries " + value);
            }
            for (String field : Set.of("mrn", "givenName", "familyName", "birthDate")) {
                assertFalse(event.value().contains("\"" + field + "\""), TopicReader.header(event, "ce_type") + " has " + field);
            }
        }
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + fromWhere).getSingleResult()).longValue());
    }
}
