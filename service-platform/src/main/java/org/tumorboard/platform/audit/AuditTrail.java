package org.tumorboard.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.tumorboard.platform.NativeSql;

/**
 * The service's audit trail (table {@code audit_record}). Records are only ever inserted: the table refuses updates,
 * deletes and truncation (migration V0_3), and no endpoint writes to it. Times are the wall clock's, not the clock the
 * clinical rules read (which tests move).
 */
@ApplicationScoped
public class AuditTrail {

    public record Page(List<AuditRecord> items, int page, int size, long total) {
    }

    /** What an auditor asks for; null fields do not restrict. {@code to} is exclusive. */
    public record Filter(UUID caseId, String user, Instant from, Instant to) {
    }

    @Inject
    EntityManager em;

    /** In the caller's transaction: the record commits with the write or not at all. */
    @Transactional(TxType.MANDATORY)
    public AuditRecord recordWithin(Entry entry) {
        return insert(entry);
    }

    /** In a transaction of its own, for a call whose own transaction rolls back. */
    @Transactional(TxType.REQUIRES_NEW)
    public AuditRecord recordAlone(Entry entry) {
        return insert(entry);
    }

    /** What the interceptor knows of a call; id and time are added when it is written. */
    public record Entry(String actor, String roles, String site, String action, String method, String path, UUID caseId,
            int status, boolean identityDisclosed, String detail) {
    }

    private AuditRecord insert(Entry e) {
        AuditRecord r = new AuditRecord(UUID.randomUUID(), Instant.now(), e.actor(), e.roles(), e.site(), e.action(),
                e.method(), e.path(), e.caseId(), AuditOutcome.of(e.status()), e.status(), e.identityDisclosed(), e.detail());
        em.createNativeQuery("""
                insert into audit_record (id, recorded_at, actor, roles, site, action, http_method, path, case_id, outcome,
                                          status, identity_disclosed, detail)
                values (:id, :at, :actor, :roles, :site, :action, :method, :path, :caseId, :outcome, :status, :identity, :detail)""")
                .setParameter("id", r.id())
                .setParameter("at", r.recordedAt())
                .setParameter("actor", r.actor())
                .setParameter("roles", r.roles())
                .setParameter("site", r.site())
                .setParameter("action", r.action())
                .setParameter("method", r.method())
                .setParameter("path", r.path())
                .setParameter("caseId", r.caseId())
                .setParameter("outcome", r.outcome().name())
                .setParameter("status", r.status())
                .setParameter("identity", r.identityDisclosed())
                .setParameter("detail", r.detail())
                .executeUpdate();
        return r;
    }

    @Transactional
    public Page search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.caseId() != null) {
            where.append(" and case_id = :caseId");
        }
        if (filter.user() != null) {
            where.append(" and actor = :user");
        }
        if (filter.from() != null) {
            where.append(" and recorded_at >= :from");
        }
        if (filter.to() != null) {
            where.append(" and recorded_at < :to");
        }
        Query select = bind(em.createNativeQuery("select id, recorded_at, actor, roles, site, action, http_method, path, case_id,"
                + " outcome, status, identity_disclosed, detail from audit_record" + where
                + " order by recorded_at, seq limit :limit offset :offset"), filter)
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size);
        Query count = bind(em.createNativeQuery("select count(*) from audit_record" + where), filter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<AuditRecord> items = rows.stream().map(AuditTrail::row).toList();
        return new Page(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    private static Query bind(Query q, Filter f) {
        if (f.caseId() != null) {
            q.setParameter("caseId", f.caseId());
        }
        if (f.user() != null) {
            q.setParameter("user", f.user());
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to());
        }
        return q;
    }

    private static AuditRecord row(Object[] r) {
        return new AuditRecord((UUID) r[0], NativeSql.instant(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (UUID) r[8], AuditOutcome.valueOf((String) r[9]), ((Number) r[10]).intValue(),
                (Boolean) r[11], (String) r[12]);
    }
}
