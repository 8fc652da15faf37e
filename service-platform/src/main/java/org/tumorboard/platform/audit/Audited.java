package org.tumorboard.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A use case (or an endpoint) whose every call goes on the audit trail (issue #11): who, when, what, the case and the
 * outcome, with the HTTP method and path of the request that called it. The method must run in a transaction: a successful call's record is written in the write's own transaction, so the
 * write and its record commit or roll back together; a failed call's record is written on its own.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Audited {

    /** What was done, as an auditor reads it: REFERRAL, BIOPSY_REPORT, VOTE, CASE_READ... */
    @Nonbinding
    String value();

    /**
     * The call creates something its endpoint answers with {@code 201 Created}: a use case does not see its HTTP answer,
     * so it says which success the trail records (201, else 200).
     */
    @Nonbinding
    boolean creates() default false;
}
