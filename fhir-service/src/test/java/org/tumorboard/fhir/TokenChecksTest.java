package org.tumorboard.fhir;

import org.tumorboard.testsupport.TokenChecks;

import io.quarkus.test.junit.QuarkusTest;

/** Bad tokens are 401 on the FHIR facade as on every service: expired, another issuer, tampered, unsigned, no site, not a JWT. */
@QuarkusTest
class TokenChecksTest extends TokenChecks {

    @Override
    protected String path() {
        return "/fhir/Patient/00000000-0000-0000-0000-000000000000";
    }

    @Override
    protected String[] roles() {
        return new String[] { "pathologist" };
    }

    @Override
    protected int goodStatus() {
        return 404;
    }
}
