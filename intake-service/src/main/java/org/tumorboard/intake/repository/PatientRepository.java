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
}
