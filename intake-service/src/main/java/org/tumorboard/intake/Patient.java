package org.tumorboard.intake;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A patient as known to one referring site (site + MRN). Patient identity lives only in intake-service:
 * it never leaves in an event, a log line or another service's table.
 */
@Entity
@Table(name = "patient")
public class Patient {

    public enum Sex {
        FEMALE, MALE, OTHER, UNKNOWN
    }

    @Id
    public UUID id;

    @Column(name = "site", nullable = false)
    public String site;

    @Column(name = "mrn", nullable = false)
    public String mrn;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", nullable = false)
    public Sex sex;

    @Override
    public String toString() {
        // Never print identity.
        return "Patient[" + id + "]";
    }
}
