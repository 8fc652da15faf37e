package org.tumorboard.pathology;

import org.tumorboard.testsupport.TokenChecks;

import io.quarkus.test.junit.QuarkusTest;

/** Bad tokens are 401 on pathology-service: expired, another issuer, tampered, unsigned, no site, not a JWT. */
@QuarkusTest
class TokenChecksTest extends TokenChecks {

    @Override
    protected String path() {
        return "/api/worklist";
    }

    @Override
    protected String[] roles() {
        return new String[] { "pathologist" };
    }
}
