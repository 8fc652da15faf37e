package org.tumorboard.fhir.mcode;

/**
 * Our own code systems, for what no standard terminology found here codes (fhir-service/README.md lists them). Each is
 * a URI under the product's namespace; a receiving system maps them or reads their display.
 */
public final class LocalCodes {

    /** The board's plan options (api-contract.md, board-service: {@code option}). */
    public static final String BOARD_OPTION = "urn:tumorboard:codesystem:board-option";

    /** The three FNCLCC component scores (rps-reference.md section 3): LOINC has no term for them. */
    public static final String FNCLCC_COMPONENT = "urn:tumorboard:codesystem:fnclcc-component";

    /** The IHC markers of rps-reference.md section 3 by their names in the contract (MDM2, CDK4, PAN_CYTOKERATIN...). */
    public static final String IHC_MARKER = "urn:tumorboard:codesystem:ihc-marker";

    /** Gene amplification tests (MDM2, CDK4) whatever the method; LOINC has MDM2 by FISH only. */
    public static final String AMPLIFICATION = "urn:tumorboard:codesystem:gene-amplification";

    private LocalCodes() {
    }
}
