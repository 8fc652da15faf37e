package org.tumorboard.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;

/**
 * The contract's codes in the words a clinician reads ({@code {status.words}} in a template): "radiotherapy, then
 * resection", not NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION. Codes without a phrase of their own read as lower-case
 * words; abbreviations clinicians write in capitals (IVC, MDM2, FISH, GIST) stay so.
 */
@TemplateExtension
public final class Words {

    private static final Map<String, String> PHRASES = Map.ofEntries(
            // Case statuses (intake): what the case is waiting for or where it is on the pathway.
            Map.entry("WORKUP", "work-up"),
            Map.entry("BIOPSY", "awaiting biopsy"),
            Map.entry("BOARD_SCHEDULED", "on a board agenda"),
            Map.entry("NEOADJUVANT", "neoadjuvant therapy"),
            Map.entry("SURVEILLANCE", "in surveillance"),
            Map.entry("NOT_SARCOMA", "not a sarcoma"),
            // Board phases.
            Map.entry("WAITING", "waiting for the facts the board needs"),
            Map.entry("READY", "ready, waiting for a meeting with room"),
            Map.entry("SCHEDULED", "on a meeting's agenda"),
            Map.entry("DECIDED", "plan decided"),
            Map.entry("IN_TREATMENT", "in treatment"),
            Map.entry("OFF_PATHWAY", "off the sarcoma pathway"),
            // What readiness still lacks.
            Map.entry("BIOPSY_REPORT", "biopsy report"),
            Map.entry("STAGING", "staging"),
            Map.entry("IN_SURVEILLANCE", "in surveillance"),
            // The board's plans.
            Map.entry("UPFRONT_RESECTION", "upfront resection"),
            Map.entry("NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION", "chemotherapy, then resection"),
            Map.entry("NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION", "radiotherapy, then resection"),
            Map.entry("NEOADJUVANT_CHEMORADIATION_THEN_RESECTION", "chemoradiation, then resection"),
            Map.entry("NON_SARCOMA_PATHWAY", "pathway of the tumour found (not a sarcoma)"),
            // Treatments recorded.
            Map.entry("NEOADJUVANT_CHEMOTHERAPY_STARTED", "neoadjuvant chemotherapy started"),
            Map.entry("NEOADJUVANT_CHEMOTHERAPY_COMPLETED", "neoadjuvant chemotherapy completed"),
            Map.entry("NEOADJUVANT_RADIOTHERAPY_STARTED", "neoadjuvant radiotherapy started"),
            Map.entry("NEOADJUVANT_RADIOTHERAPY_COMPLETED", "neoadjuvant radiotherapy completed"),
            Map.entry("NOT_IMPLEMENTED", "plan not implemented"),
            // Pathology and imaging.
            Map.entry("MPNST", "malignant peripheral nerve sheath tumour (MPNST)"),
            Map.entry("OCT3_4", "OCT3/4"),
            Map.entry("H3K27ME3", "H3K27me3"),
            Map.entry("H_CALDESMON", "h-caldesmon"),
            Map.entry("PAN_CYTOKERATIN", "pan-cytokeratin"),
            Map.entry("IVC", "IVC (inferior vena cava)"),
            Map.entry("SMV", "SMV (superior mesenteric vein)"),
            Map.entry("CELIAC_TRUNK", "coeliac trunk"),
            Map.entry("CT", "CT"),
            Map.entry("GERM_CELL", "germ cell tumour"),
            // Surveillance.
            Map.entry("NO_EVIDENCE_OF_DISEASE", "no evidence of disease"),
            Map.entry("CHEST_CT", "chest CT"),
            Map.entry("CHEST_CT_OR_RADIOGRAPH", "chest CT or radiograph"),
            Map.entry("CT_ABDOMEN_PELVIS", "CT abdomen and pelvis"));

    /** Abbreviations that are read as letters; a code made of one of these and words keeps it in capitals. */
    private static final Set<String> ABBREVIATIONS = Set.of("IVC", "SMA", "SMV", "CT", "MRI", "MDM2", "CDK4", "PAX8", "CD45",
            "KIT", "DOG1", "SALL4", "S100", "STAT6", "FISH", "NGS", "PCR", "GIST", "ECOG", "FNCLCC", "IHC", "R0", "R1", "R2",
            "PET", "GP", "RT");

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{4,}\\b");

    private Words() {
    }

    /** A value for an address's query: {@code {q.urlEncoded}}. */
    public static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One code in words: {@code {plan.words}}. Null reads as nothing. */
    public static String words(String code) {
        if (code == null) {
            return "";
        }
        String phrase = PHRASES.get(code);
        if (phrase != null) {
            return phrase;
        }
        StringBuilder words = new StringBuilder();
        for (String part : code.split("_")) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(ABBREVIATIONS.contains(part) || !part.equals(part.toUpperCase(Locale.ROOT)) ? part
                    : part.toLowerCase(Locale.ROOT));
        }
        return words.toString();
    }

    /**
     * A sentence written for developers made readable: every code in it (NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION,
     * PLAN_DECIDED) in words. Abbreviations and single short capitals (T2, N0, G3, IIIB) are left as they are.
     */
    static String inSentence(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(ABBREVIATIONS.contains(code) || code.matches("[IVX]+[AB]?")
                    ? code : words(code)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
