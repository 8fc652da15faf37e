package org.tumorboard.fhir;

import org.tumorboard.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every @QuarkusTest of this module runs against a real broker, a real PostgreSQL and real signed tokens. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "fhir"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class FhirTestResources {

    private FhirTestResources() {
    }
}
