package org.tumorboard.staging.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.staging.Staging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class StagingRepository implements PanacheRepositoryBase<Staging, UUID> {

    public List<Staging> history(UUID caseId) {
        return list("caseId", Sort.by("seq"), caseId);
    }

    public Optional<Staging> latest(UUID caseId) {
        return find("caseId", Sort.descending("seq"), caseId).firstResultOptional();
    }
}
