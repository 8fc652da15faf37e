package org.tumorboard.intake.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.intake.Patient;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    public Optional<Patient> findBySiteAndMrn(String site, String mrn) {
        return find("site = ?1 and mrn = ?2", site, mrn).firstResultOptional();
    }

    /**
     * The patient of this site and MRN, holding until the transaction ends a lock on the pair: two referrals for one new
     * patient take turns, and the second finds the patient the first created (and its open case) instead of failing on
     * the unique index (issue 24).
     */
    public Optional<Patient> lockBySiteAndMrn(String site, String mrn) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "patient:" + site + ":" + mrn).getSingleResult();
        return findBySiteAndMrn(site, mrn);
    }
}
