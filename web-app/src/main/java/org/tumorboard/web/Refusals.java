package org.tumorboard.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tumorboard.web.IntakeViews.FieldError;
import org.tumorboard.web.IntakeViews.Problem;

/**
 * What a service's refusal says to a clinician. The services answer in the contract's words (JSON paths, codes, ids,
 * "must be a past date"); the pages say the same in the clinic's: which answer needs changing and what to do next, the
 * field's problem next to the field and a sentence at the top that never lets a refused write look saved.
 */
final class Refusals {

    /** Bean Validation's and the services' own field messages, in plain words. Matched as the whole message. */
    private static final List<Map.Entry<Pattern, String>> FIELD_MESSAGES = List.of(
            rule("must be a past date", "must be before today"),
            rule("must be a date in the past or in the present", "cannot be after today"),
            rule("must be a past or present date", "cannot be after today"),
            rule("must not be in the future", "cannot be after today: record it once it has happened"),
            rule("must not be in the past", "cannot be before today"),
            rule("must not be (null|blank|empty)", "is required"),
            rule("must be greater than or equal to (\\S+)", "must be at least $1"),
            rule("must be less than or equal to (\\S+)", "must be at most $1"),
            rule("must be greater than (\\S+)", "must be more than $1"),
            rule("must be less than (\\S+)", "must be less than $1"),
            rule("size must be between 0 and (\\d+)", "must be at most $1 characters"),
            rule("size must be between (\\d+) and (\\d+)", "must be $1 to $2 characters"),
            rule("must be true to open a second case for this patient",
                    "must be ticked to open a second case for this patient"));

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CASE_ID = Pattern.compile("\\b([Cc])ase \\(?" + UUID.pattern() + "\\)?");
    private static final Pattern MEETING_ID = Pattern.compile("\\b([Mm])eeting \\(?" + UUID.pattern() + "\\)?");
    private static final Pattern PATH = Pattern.compile("\\b[a-z]+(?:\\[\\d+\\])?(?:\\.[a-z][A-Za-z0-9]*(?:\\[\\d+\\])?)+\\b");

    private Refusals() {
    }

    private static Map.Entry<Pattern, String> rule(String message, String plain) {
        return Map.entry(Pattern.compile(message), plain);
    }

    /** A field's problem in plain words; a message this page does not know keeps its sense, without codes. */
    static String field(String message) {
        if (message == null) {
            return "";
        }
        for (Map.Entry<Pattern, String> rule : FIELD_MESSAGES) {
            Matcher m = rule.getKey().matcher(message.strip());
            if (m.matches()) {
                return m.replaceAll(rule.getValue());
            }
        }
        return withoutIds(Words.inSentence(message));
    }

    /**
     * What a refused write says at the top of its page: that nothing was saved, and why in the clinic's words; for the
     * refusals a clinician meets every day (a patient's second case, a decision without quorum or majority, a full
     * meeting) what to do next.
     */
    static String notSaved(Problem problem, String service) {
        if (problem == null) {
            return Answers.unavailable(service);
        }
        return "Nothing was saved. " + say(problem, service);
    }

    /** Why a call was refused, in the clinic's words (no "nothing was saved": for reads and previews too). */
    static String say(Problem problem, String service) {
        if (problem == null || (problem.detail() == null && problem.errors() == null)) {
            return Answers.unavailable(service);
        }
        String title = problem.title() == null ? "" : problem.title();
        switch (title) {
            case "Patient already has an open case":
                return "This patient already has an open case at this site. Add to that case, or tick \"Open a second case "
                        + "for this patient\" and refer again.";
            case "No quorum":
                return "The decision is not recorded: the board has no quorum yet. Still to vote: "
                        + inWords(problem.missingDisciplines()) + ".";
            case "No majority":
                return "The decision is not recorded: no plan has a strict majority of the "
                        + (problem.votesCast() == null ? "" : problem.votesCast() + " ") + "votes cast"
                        + (problem.counts() == null || problem.counts().isEmpty() ? "" : " (" + counts(problem.counts()) + ")")
                        + ". Discuss the case again and ask the members to revise their votes, or move it to another meeting.";
            case "Meeting full":
                return "The case is not moved: that meeting is full"
                        + (problem.capacity() == null ? "" : " (" + problem.capacity() + (problem.capacity() == 1 ? " case)" : " cases)"))
                        + ". Choose another meeting, or ask the chair to plan one.";
            default:
                break;
        }
        List<FieldError> errors = problem.errors() == null ? List.of() : problem.errors();
        if (!errors.isEmpty() && problem.status() == 400) {
            return (errors.size() == 1 ? "One answer needs" : errors.size() + " answers need") + " changing: "
                    + errors.stream().map(e -> label(e.field()) + " " + field(e.message())).collect(Collectors.joining("; "))
                    + ".";
        }
        return sentence(withoutIds(Words.inSentence(problem.detail() == null ? "" : problem.detail())));
    }

    /** A field's JSON path as its words: {@code patient.birthDate} reads "Birth date", {@code imaging.side} "Side". */
    static String label(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+\\]", "");
        String spaced = last.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String withoutIds(String text) {
        String s = CASE_ID.matcher(text).replaceAll(m -> m.group(1).equals("C") ? "This case" : "this case");
        s = MEETING_ID.matcher(s).replaceAll(m -> m.group(1).equals("M") ? "That meeting" : "that meeting");
        s = UUID.matcher(s).replaceAll("(another case)");
        return PATH.matcher(s).replaceAll(m -> label(m.group()).toLowerCase(Locale.ROOT));
    }

    private static String inWords(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "the disciplines of the quorum";
        }
        return codes.stream().map(Words::words).collect(Collectors.joining(", "));
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> Words.words(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String sentence(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
