package org.tumorboard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Topics;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ReferralResourceTest {

    @Inject
    EntityManager em;

    @Test
    void withoutTokenIs401() {
        given().contentType(ContentType.JSON).body(Referrals.valid("HUB"))
                .when().post("/api/referrals")
                .then().statusCode(401);
    }

    @Test
    void wrongRoleIs403AndStoresNothing() {
        long before = count("intake_case");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(Referrals.valid("HUB"))
                .when().post("/api/referrals")
                .then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, count("intake_case"));
    }

    @Test
    void spokeCoordinatorCannotReferForAnotherSite() {
        long before = count("outbox_event");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON)
                .body(Referrals.valid("SPOKE-SOUTH"))
                .when().post("/api/referrals")
                .then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, count("outbox_event"));
    }

    @Test
    void coordinatorRefersACaseAndTheReferredEventReachesTheBroker() {
        Map<String, Object> body = Referrals.valid("SPOKE-NORTH", "N-100234");
        var created = given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(201)
                .header("Location", containsString("/api/cases/"))
                .body("status", equalTo("BIOPSY"))
                .body("biopsyIndicated", equalTo(true))
                .body("biopsyReasons", contains("NEOADJUVANT_THERAPY_CONSIDERED"))
                .body("missingWorkup", empty())
                .extract();
        String caseId = created.path("caseId");
        String location = created.header("Location");

        List<ConsumerRecord<String, String>> records = TopicReader.forCase(Topics.INTAKE, caseId, 2, Duration.ofSeconds(30));
        assertEquals(2, records.size(), "the referred event and the work-up completed event, once each");
        ConsumerRecord<String, String> record = records.get(0);
        assertTrue(location.endsWith("/api/cases/" + caseId), location);
        assertEquals(caseId, record.key());
        assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
        assertEquals(CaseEventTypes.CASE_REFERRED.name(), TopicReader.header(record, "ce_type"));
        assertEquals(Sources.INTAKE, TopicReader.header(record, "ce_source"));
        assertEquals(caseId, TopicReader.header(record, "ce_subject"));
        assertNotNull(TopicReader.header(record, "ce_id"));
        assertNotNull(TopicReader.header(record, "ce_time"));
        String payload = record.value();
        for (String identity : List.of("N-100234", "Ana", "Silva", "1961-04-02", "mrn", "givenName", "familyName", "birthDate")) {
            assertFalse(payload.contains(identity), "the event payload must not carry patient identity: " + identity);
        }
        assertEquals(caseId, CaseEventTypes.CASE_REFERRED.payloadClass().cast(
                org.tumorboard.events.EventCodec.fromJson(payload, CaseEventTypes.CASE_REFERRED.payloadClass())).caseId());

        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH"))
                .when().get("/api/cases/" + caseId)
                .then().statusCode(200)
                .body("referringSite", equalTo("SPOKE-NORTH"))
                .body("patient.mrn", equalTo("N-100234"))
                .body("imaging.greatestDimensionCm", equalTo(22.0f))
                .body("timeline.type", contains(CaseEventTypes.CASE_REFERRED.name(), CaseEventTypes.WORKUP_COMPLETED.name()))
                .body("biopsy.indicated", equalTo(true))
                .body("biopsy.reasons", contains("NEOADJUVANT_THERAPY_CONSIDERED"));
    }

    /**
     * Identity, and the free-text clinical question that may carry it (issue 24), only for the roles that contact or
     * treat the patient.
     */
    @Test
    void identityIsShownOnlyToRolesThatNeedIt() {
        String caseId = refer("HUB");
        given().auth().oauth2(Tokens.pathologist())
                .when().get("/api/cases/" + caseId)
                .then().statusCode(200)
                .body("caseId", equalTo(caseId))
                .body("patient", nullValue())
                .body("clinicalQuestion", nullValue())
                .body("imaging.greatestDimensionCm", notNullValue())
                // age and sex are the clinical facts every clinician of the case sees; the birth date stays identity
                .body("ageAtReferral", equalTo(java.time.Period.between(java.time.LocalDate.of(1961, 4, 2),
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC)).getYears()))
                .body("sex", equalTo("FEMALE"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("1961-04-02")));
        given().auth().oauth2(Tokens.hubCoordinator())
                .when().get("/api/cases/" + caseId)
                .then().statusCode(200)
                .body("patient", notNullValue())
                .body("clinicalQuestion", not(emptyOrNullString()));
    }

    @Test
    void spokeCoordinatorGets404ForAnotherSitesCase() {
        String caseId = refer("SPOKE-SOUTH");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH"))
                .when().get("/api/cases/" + caseId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("case " + caseId + " was not found"));
        given().auth().oauth2(Tokens.hubCoordinator())
                .when().get("/api/cases/" + caseId)
                .then().statusCode(200);
    }

    static Stream<Arguments> invalidReferrals() {
        Map<String, Object> valid = Referrals.valid("HUB");
        return Stream.of(
                Arguments.of("missing MRN", Referrals.with(valid, "patient.mrn", Referrals.REMOVE), "patient.mrn"),
                Arguments.of("missing patient", Referrals.with(valid, "patient", Referrals.REMOVE), "patient"),
                Arguments.of("blank clinical question", Referrals.with(valid, "clinicalQuestion", " "), "clinicalQuestion"),
                Arguments.of("negative size", Referrals.with(valid, "imaging.greatestDimensionCm", -3.0), "imaging.greatestDimensionCm"),
                Arguments.of("zero size", Referrals.with(valid, "imaging.greatestDimensionCm", 0), "imaging.greatestDimensionCm"),
                Arguments.of("size above 100 cm", Referrals.with(valid, "imaging.greatestDimensionCm", 100.1), "imaging.greatestDimensionCm"),
                Arguments.of("two decimals", Referrals.with(valid, "imaging.greatestDimensionCm", 12.25), "imaging.greatestDimensionCm"),
                Arguments.of("unknown sex", Referrals.with(valid, "patient.sex", "ROBOT"), "patient.sex"),
                Arguments.of("unknown compartment", Referrals.with(valid, "imaging.compartment", "PELVIC"), "imaging.compartment"),
                Arguments.of("malformed birth date", Referrals.with(valid, "patient.birthDate", "02/04/1961"), "patient.birthDate"),
                Arguments.of("birth date in the future", Referrals.with(valid, "patient.birthDate", LocalDate.now().plusDays(2).toString()),
                        "patient.birthDate"),
                Arguments.of("CT before birth", Referrals.with(valid, "imaging.ctAbdomenPelvisDate", "1960-01-01"),
                        "imaging.ctAbdomenPelvisDate"),
                Arguments.of("chest imaging in the future", Referrals.with(valid, "imaging.chestImaging",
                        Map.of("modality", "CT", "date", LocalDate.now().plusDays(3).toString())), "imaging.chestImaging.date"),
                Arguments.of("unknown chest modality", Referrals.with(valid, "imaging.chestImaging",
                        Map.of("modality", "PET", "date", "2026-11-02")), "imaging.chestImaging.modality"),
                Arguments.of("unknown suspected non-sarcoma", Referrals.with(valid, "imaging.suspectedNonSarcoma", "MELANOMA"),
                        "imaging.suspectedNonSarcoma"),
                Arguments.of("unknown site", Referrals.with(valid, "referringSite", "SPOKE-EAST"), "referringSite"),
                Arguments.of("unknown vessel", Referrals.with(valid, "imaging.vesselInvolvement",
                        List.of(Map.of("vessel", "CAROTID", "extent", "ABUTMENT"))), "imaging.vesselInvolvement[0].vessel"),
                Arguments.of("vessel extent missing", Referrals.with(valid, "imaging.vesselInvolvement",
                        List.of(Map.of("vessel", "IVC"))), "imaging.vesselInvolvement[0].extent"),
                Arguments.of("vessel extent NONE (not listed instead)", Referrals.with(valid, "imaging.vesselInvolvement",
                        List.of(Map.of("vessel", "IVC", "extent", "NONE"))), "imaging.vesselInvolvement[0].extent"),
                Arguments.of("a vessel twice", Referrals.with(valid, "imaging.vesselInvolvement",
                        List.of(Map.of("vessel", "IVC", "extent", "ABUTMENT"), Map.of("vessel", "IVC", "extent", "ENCASEMENT"))),
                        "imaging.vesselInvolvement[1].vessel"),
                Arguments.of("organ code malformed", Referrals.with(valid, "imaging.organsAbutted", List.of("left kidney")),
                        "imaging.organsAbutted[0]"),
                Arguments.of("neoadjuvant flag missing", Referrals.with(valid, "neoadjuvantConsidered", Referrals.REMOVE),
                        "neoadjuvantConsidered"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReferrals")
    void invalidReferralIs400NamingTheFieldAndChangesNothing(String why, Map<String, Object> body, String field) {
        long cases = count("intake_case");
        long patients = count("patient");
        long events = count("outbox_event");
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        assertEquals(cases, count("intake_case"), "no case stored");
        assertEquals(patients, count("patient"), "no patient stored");
        assertEquals(events, count("outbox_event"), "no event emitted");
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        long events = count("outbox_event");
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body("{\"referringSite\": \"HUB\",")
                .when().post("/api/referrals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        assertEquals(events, count("outbox_event"));
    }

    /** A NUL (PostgreSQL cannot store it: a 500 before) or another control character is a 400 naming the field. */
    @Test
    void controlCharactersInTextAre400NamingTheFieldAndStoreNothing() {
        long events = count("outbox_event");
        for (String text : List.of("Mass\u0000 left", "Mass\u0007 left", "Mass\u007f")) {
            Map<String, Object> body = Referrals.valid("HUB");
            body.put("clinicalQuestion", text);
            given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/referrals")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("clinicalQuestion"))
                    .body("errors.message", hasItem("must not contain control characters"));
        }
        assertEquals(events, count("outbox_event"));
        // Line breaks and tabs are text: a question on two lines is referred.
        Map<String, Object> body = Referrals.valid("HUB");
        body.put("clinicalQuestion", "Left retroperitoneal mass.\n\tResectable en bloc?");
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals").then().statusCode(201);
    }

    private String refer(String site) {
        return given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(Referrals.valid(site))
                .when().post("/api/referrals")
                .then().statusCode(201)
                .extract().path("caseId");
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}
