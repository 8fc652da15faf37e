package org.tumorboard.staging;

import org.tumorboard.testsupport.TokenChecks;

import io.quarkus.test.junit.QuarkusTest;

/** Bad tokens are 401 on staging-service: expired, another issuer, tampered, unsigned, no site, not a JWT. */
@QuarkusTest
class TokenChecksTest extends TokenChecks {

    @Override
    protected String path() {
        return "/api/cases/00000000-0000-0000-0000-000000000000/staging";
    }

    @Override
    protected String[] roles() {
        return new String[] { "coordinator" };
    }

    @Override
    protected int goodStatus() {
        return 404;
    }
}
