package org.tumorboard.intake.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.Patient;
import org.tumorboard.intake.rules.CaseSearch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<IntakeCase, UUID> {

    public List<IntakeCase> openCasesOf(Patient patient) {
        return list("patient = ?1 and status not in ?2", patient,
                List.of(CaseStatus.WITHDRAWN, CaseStatus.DISCHARGED, CaseStatus.NOT_SARCOMA));
    }

    /** A page of cases and how many the search finds in all. */
    public record Found(List<IntakeCase> page, long total) {
    }

    /**
     * Cases, newest referral first, filtered as the search says: status, site, referral dates, ids, and the search
     * text as the start of a case id, an MRN or each word of a name (the indexed prefixes of V7).
     */
    public Found search(CaseSearch search, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Parameters params = new Parameters();
        if (search.status() != null) {
            where.append(" and c.status = :status");
            params.and("status", search.status());
        }
        if (search.site() != null) {
            where.append(" and c.referringSite = :site");
            params.and("site", search.site());
        }
        if (search.referredFrom() != null) {
            where.append(" and c.referredAt >= :from");
            params.and("from", search.referredFrom().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (search.referredTo() != null) {
            where.append(" and c.referredAt < :to");
            params.and("to", search.referredTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (search.caseIds() != null && !search.caseIds().isEmpty()) {
            where.append(" and c.caseId in :ids");
            params.and("ids", search.caseIds());
        }
        if (search.text() != null && !search.text().isBlank()) {
            List<String> found = new ArrayList<>();
            if (search.caseIdPrefix() != null) {
                found.add("cast(c.caseId as String) like :idPrefix escape '\\'");
                params.and("idPrefix", search.caseIdPrefix());
            }
            String identity = identityMatch(search, params);
            if (identity != null) {
                // Every matching patient, in the page and its count alike: the patients are found through their
                // indexed prefixes, the cases through their patient.
                found.add("c.patient.id in (select p.id from Patient p where " + identity + ")");
            }
            // Text that is neither a case's id nor (for this role) a patient's name or MRN finds nothing.
            where.append(found.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", found) + ")");
        }
        long total = count("from IntakeCase c" + where, params);
        long offset = (long) page * size;
        if (offset >= total) {
            return new Found(List.of(), total);
        }
        String query = "from IntakeCase c join fetch c.patient" + where;
        if (offset <= total / 2) {
            return new Found(find(query, NEWEST_FIRST, params).page(page, size).list(), total);
        }
        // The far half of a long list is read from its other end: an OFFSET costs the rows it skips, so the last page
        // of 50,000 cases skips none instead of 49,975 (bin/bench: p99 336 ms before).
        int rows = (int) Math.min(size, total - offset);
        int start = (int) (total - offset - rows);
        List<IntakeCase> items = new ArrayList<>(find(query, OLDEST_FIRST, params).range(start, start + rows - 1).list());
        Collections.reverse(items);
        return new Found(items, total);
    }

    /** The list's order, and its exact reverse (the tie on the same instant broken by the case id both ways). */
    private static final Sort NEWEST_FIRST = Sort.descending("c.referredAt").and("c.caseId", Sort.Direction.Ascending);
    private static final Sort OLDEST_FIRST = Sort.ascending("c.referredAt").and("c.caseId", Sort.Direction.Descending);

    /** The patients the text names (an MRN's start, or each word a name's start), as a condition on {@code p}. */
    private static String identityMatch(CaseSearch search, Parameters params) {
        List<String> either = new ArrayList<>();
        if (search.mrnPrefix() != null) {
            either.add("lower(p.mrn) like :mrn escape '\\'");
            params.and("mrn", search.mrnPrefix());
        }
        List<String> names = search.namePrefixes();
        if (!names.isEmpty()) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                words.add("(lower(p.familyName) like :name" + i + " escape '\\' or lower(p.givenName) like :name" + i
                        + " escape '\\')");
                params.and("name" + i, names.get(i));
            }
            either.add("(" + String.join(" and ", words) + ")");
        }
        return either.isEmpty() ? null : String.join(" or ", either);
    }
}
