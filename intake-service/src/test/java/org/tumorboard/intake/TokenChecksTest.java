package org.tumorboard.intake;

import org.tumorboard.testsupport.TokenChecks;

import io.quarkus.test.junit.QuarkusTest;

/** Bad tokens are 401 on intake-service: expired, another issuer, tampered, unsigned, no site, not a JWT. */
@QuarkusTest
class TokenChecksTest extends TokenChecks {

    @Override
    protected String path() {
        return "/api/cases";
    }

    @Override
    protected String[] roles() {
        return new String[] { "coordinator" };
    }
}
