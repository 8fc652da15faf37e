package org.tumorboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

/** The form-to-body mapping: fields by their contract paths, typed, blanks left out, unknown fields ignored. */
class ReferralFormTest {

    @Test
    void theBodyIsNestedAndTypedAsTheContractSays() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("referringSite", " SPOKE-NORTH ");
        form.add("patient.mrn", "M-1");
        form.add("neoadjuvantConsidered", "true");
        form.add("imaging.greatestDimensionCm", "18.5");
        form.add("imaging.chestImaging.modality", "CT");
        form.add("imaging.side", "");
        form.add("status", "PLAN_DECIDED");
        Map<String, Object> body = ReferralForm.body(ReferralForm.values(form));
        assertEquals(Map.of("referringSite", "SPOKE-NORTH", "patient", Map.of("mrn", "M-1"), "neoadjuvantConsidered", true,
                "imaging", Map.of("greatestDimensionCm", new BigDecimal("18.5"), "chestImaging", Map.of("modality", "CT"))), body);
        assertFalse(body.containsKey("status"), "a field the form does not have is not sent");
    }

    /** One choice per vessel becomes the contract's list; each organ ticked is one code, and only the list's codes count. */
    @Test
    void vesselsAndOrgansAbuttedBecomeTheContractsLists() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("imaging.vessel.IVC", "ABUTMENT");
        form.add("imaging.vessel.AORTA", "");
        form.add("imaging.vessel.RENAL_VEIN", "ENCASEMENT");
        form.add("imaging.organsAbutted", "KIDNEY_RIGHT");
        form.add("imaging.organsAbutted", "DUODENUM");
        form.add("imaging.organsAbutted", "KIDNEY_RIGHT");
        form.add("imaging.organsAbutted", "left kidney, colon");
        Map<String, Object> body = ReferralForm.body(ReferralForm.values(form));
        assertEquals(Map.of("imaging", Map.of(
                "vesselInvolvement", java.util.List.of(Map.of("vessel", "IVC", "extent", "ABUTMENT"),
                        Map.of("vessel", "RENAL_VEIN", "extent", "ENCASEMENT")),
                "organsAbutted", java.util.List.of("KIDNEY_RIGHT", "DUODENUM"))), body);
    }

    @Test
    void requiredFieldsAndNumbersAreCheckedBeforeAskingIntake() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("imaging.greatestDimensionCm", "twelve");
        Map<String, String> errors = ReferralForm.check(ReferralForm.values(form));
        assertEquals(ReferralForm.FORM.required().size() + 1, errors.size());
        assertEquals("is required", errors.get("patient.birthDate"));
        assertEquals("must be a number of centimetres, such as 12.5", errors.get("imaging.greatestDimensionCm"));
    }
}
