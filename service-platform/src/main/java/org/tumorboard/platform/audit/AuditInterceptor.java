package org.tumorboard.platform.audit;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.SiteClaim;
import org.tumorboard.platform.failure.DomainFailure;
import org.tumorboard.platform.messaging.TransientFailures;
import org.tumorboard.platform.problem.Problem;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.ProblemMappers;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Writes the audit record of an {@link Audited} call. Runs inside the method's {@code @Transactional} (whose interceptor
 * has priority PLATFORM_BEFORE + 200) and outside request validation, so a rejected body is on the trail too.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditInterceptor {

    @Inject
    AuditTrail trail;

    @Inject
    AuditContext context;

    @Inject
    EntityManager em;

    @Inject
    TransactionManager transactions;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Instance<HttpServerRequest> request;

    @AroundInvoke
    Object audit(InvocationContext call) throws Exception {
        if (!inTransaction()) {
            throw new IllegalStateException("an audited call must run in a transaction: " + call.getMethod());
        }
        Object result;
        try {
            result = call.proceed();
            em.flush(); // a write that fails at commit must not leave a record saying it succeeded
        } catch (Exception e) {
            recordFailure(call, e);
            throw e;
        }
        trail.recordWithin(entry(call, caseId(call, result), successStatus(call, result), context.detail()));
        return result;
    }

    private void recordFailure(InvocationContext call, Exception e) {
        try {
            // what the call said about itself (an operator's reason, a digest) stays on the record of a refusal too
            String said = context.detail();
            trail.recordAlone(entry(call, caseId(call, null), statusOf(e), said == null ? detailOf(e) : detailOf(e) + "; " + said));
        } catch (RuntimeException auditFailure) {
            // The call failed anyway; its own error is what the caller must see.
            e.addSuppressed(auditFailure);
            Log.errorf("could not record the audit entry of a failed %s call: %s", action(call), auditFailure.getClass().getName());
        }
    }

    private AuditTrail.Entry entry(InvocationContext call, UUID caseId, int status, String detail) {
        String method = "CALL";
        String path = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
        try {
            if (request.isResolvable()) {
                HttpServerRequest http = request.get();
                method = http.method().name();
                path = http.path();
            }
        } catch (ContextNotActiveException notInARequest) {
            // called outside an HTTP request: the Java method names the call
        }
        String roles = Roles.ALL.stream().filter(identity.getRoles()::contains).collect(Collectors.joining(","));
        String site = SiteClaim.read(token.getClaim(SiteScope.SITE_CLAIM)).describe();
        return new AuditTrail.Entry(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(), roles,
                site, action(call), method, path, caseId, status, context.isIdentityDisclosed(),
                detail);
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() == Status.STATUS_ACTIVE || transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK;
    }

    private static String action(InvocationContext call) {
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        if (audited == null) {
            audited = call.getMethod().getDeclaringClass().getAnnotation(Audited.class);
        }
        return audited == null ? call.getMethod().getName() : audited.value();
    }

    /** The case a call concerns: its {@code caseId} path parameter or use-case parameter, else a {@code caseId} in its body or its answer. */
    private UUID caseId(InvocationContext call, Object result) {
        return context.caseId() != null ? context.caseId() : caseIdOfCall(call, result);
    }

    static UUID caseIdOfCall(InvocationContext call, Object result) {
        Parameter[] parameters = call.getMethod().getParameters();
        Object[] values = call.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PathParam path = parameters[i].getAnnotation(PathParam.class);
            boolean named = path != null ? path.value().equals("caseId") : parameters[i].getName().equals("caseId");
            if (named && values[i] instanceof UUID id) {
                return id;
            }
        }
        for (Object value : values) {
            UUID id = caseIdOf(value);
            if (id != null) {
                return id;
            }
        }
        return caseIdOf(result instanceof Response response ? response.getEntity() : result);
    }

    private static UUID caseIdOf(Object value) {
        if (value == null || !value.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (component.getName().equals("caseId") && component.getType() == UUID.class) {
                try {
                    return (UUID) component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int successStatus(InvocationContext call, Object result) {
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        return audited != null && audited.creates() && !(result instanceof Response) ? 201 : statusOf(result);
    }

    static int statusOf(Object result) {
        if (result instanceof Response response) {
            return response.getStatus();
        }
        return result == null ? 204 : 200;
    }

    static int statusOf(Exception e) {
        if (e instanceof DomainFailure failure) {
            return ProblemException.of(failure).status();
        }
        if (e instanceof ProblemException problem) {
            return problem.status();
        }
        if (e instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        if (e instanceof ConstraintViolationException) {
            return 400;
        }
        return TransientFailures.isTransient(e) ? 503 : 500;
    }

    /** The problem's title and the fields it names; never the values sent, which may carry identity. */
    static String detailOf(Exception e) {
        if (e instanceof DomainFailure failure) {
            return detailOf(ProblemException.of(failure));
        }
        if (e instanceof ProblemException problem) {
            Problem p = problem.toProblem();
            List<Problem.FieldError> errors = p.errors() == null ? List.of() : p.errors();
            return errors.isEmpty() ? p.title()
                    : p.title() + ": " + errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", "));
        }
        if (e instanceof ConstraintViolationException violations) {
            return "Invalid request: " + violations.getConstraintViolations().stream()
                    .map(v -> ProblemMappers.fieldName(v.getPropertyPath())).sorted().distinct().collect(Collectors.joining(", "));
        }
        return e.getClass().getSimpleName();
    }
}
