package org.tumorboard.web;

import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.TemplateExtension;

/**
 * The organs a retroperitoneal resection takes en bloc or a tumour abuts, as the screens offer them: ticked from this
 * list rather than typed, so "left kidney, colon" is two organs and not three codes. The services keep accepting any
 * organ code (older cases, other clients); these are the codes the screens write.
 */
@TemplateExtension
public final class Organs {

    static final List<String> CODES = List.of("KIDNEY_LEFT", "KIDNEY_RIGHT", "ADRENAL_LEFT", "ADRENAL_RIGHT", "URETER_LEFT",
            "URETER_RIGHT", "COLON_RIGHT", "COLON_TRANSVERSE", "COLON_DESCENDING", "COLON_SIGMOID", "DUODENUM", "SMALL_BOWEL",
            "STOMACH", "PANCREAS", "SPLEEN", "LIVER", "DIAPHRAGM", "PSOAS", "QUADRATUS_LUMBORUM", "BLADDER", "UTERUS",
            "OVARY_LEFT", "OVARY_RIGHT");

    private Organs() {
    }

    /** Whether a comma-separated list of codes holds this one. */
    static boolean lists(String codes, String code) {
        return codes != null && Arrays.asList(codes.split(",")).contains(code);
    }

    /** The organ in words: "left kidney", "descending colon". */
    static String organ(String code) {
        String[] parts = code.split("_");
        if (parts.length == 2 && (parts[1].equals("LEFT") || parts[1].equals("RIGHT"))) {
            return parts[1].toLowerCase() + " " + parts[0].toLowerCase();
        }
        if (parts.length == 2 && parts[0].equals("COLON")) {
            return parts[1].toLowerCase() + " colon";
        }
        return Words.words(code);
    }
}
