package org.tumorboard.intake.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.intake.IntakeCase;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<IntakeCase, UUID> {
}
