package org.tumorboard.staging.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.staging.StagingCase;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class StagingCaseRepository implements PanacheRepositoryBase<StagingCase, UUID> {
}
