package org.tumorboard.board.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.Meeting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    public List<Meeting> openFrom(LocalDate from) {
        return list("closed = false and date >= ?1", Sort.by("date").and("createdAt"), from);
    }

    public List<Meeting> between(LocalDate from, LocalDate to) {
        return list("date >= ?1 and date <= ?2", Sort.by("date").and("createdAt"), from, to);
    }

    public boolean existsOn(LocalDate date) {
        return count("date", date) > 0;
    }
}
