package org.tumorboard.fhir.mcode;

/**
 * Our own code systems, for what no standard terminology found here codes (fhir-service/README.md lists them). Each is
 * a URI under the product's namespace; a receiving system maps them or reads their display.
 */
public final class LocalCodes {

    /** The board's plan options (api-contract.md, board-service: {@code option}). */
    public static final String BOARD_OPTION = "urn:tumorboard:codesystem:board-option";

    private LocalCodes() {
    }
}
