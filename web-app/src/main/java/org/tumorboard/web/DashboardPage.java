package org.tumorboard.web;

import static org.tumorboard.web.Answers.page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.web.ServiceViews.CaseCounts;
import org.tumorboard.web.ServiceViews.Margins;
import org.tumorboard.web.ServiceViews.OverduePlan;
import org.tumorboard.web.ServiceViews.Rate;
import org.tumorboard.web.ServiceViews.SiteTimeliness;
import org.tumorboard.web.ServiceViews.Spread;
import org.tumorboard.web.ServiceViews.Timeliness;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The hub dashboard (issue #12, screen 5). Every number comes from the service that owns it: case counts from
 * intake, waiting times and overdue plans and visits from board, the R0 rate from pathology. This page only draws
 * them: SVG charts (a bar per status, a box per spoke: range, quartiles and median; a bar per site's R0 rate with
 * the published 68% and 42% lines), each with its numbers in a table for screen readers and for copying.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DashboardPage {

    /** Chart geometry: labels left of {@link #PLOT_X}, the plot {@link #PLOT_WIDTH} wide. */
    static final int PLOT_X = 170;
    static final int PLOT_WIDTH = 400;

    /** A row of a chart; y is its top, rows being drawn in a translated group. */
    public record Bar(String label, long value, double width, int y) {
        public double valueX() {
            return PLOT_X + width + 6;
        }
    }

    public record Box(String label, Spread spread, double min, double q1, double median, double q3, double max, int y) {
        public boolean empty() {
            return spread.n() == 0;
        }

        public double boxWidth() {
            return Math.max(2, q3 - q1);
        }
    }

    public record BoxChart(String title, List<Box> rows, long scaleMax, int height) {
        public int axisY() {
            return height - 24;
        }
    }

    public record RateBar(String label, Rate rate, double width, int y) {
        public double valueX() {
            return PLOT_X + width + 6;
        }

        public String percent() {
            return rate.r0Rate() == null ? "no resection" : rate.r0Rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
    }

    public record RateChart(List<RateBar> rows, double specializedX, double othersX, String specialized, String others, int height) {
        public int axisY() {
            return height - 20;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Viewer viewer, CaseCounts counts, List<Bar> statusBars, Timeliness timeliness,
                List<BoxChart> waits, Margins margins, RateChart r0, List<OverduePlan> overduePlans,
                List<String> unavailable);
    }

    @Inject
    Viewer viewer;

    @Inject
    IntakeApi intake;

    @Inject
    BoardApi board;

    @Inject
    PathologyApi pathology;

    @GET
    public Response dashboard() {
        if (!viewer.dashboard()) {
            return page(403, Templates.dashboard(viewer, null, List.of(), null, List.of(), null, null, List.of(),
                    List.of("The hub dashboard is for the hub's clinicians.")));
        }
        List<String> unavailable = new ArrayList<>();
        CaseCounts counts = part(intake.dashboard(), "intake-service (cases by status)", unavailable);
        Timeliness timeliness = part(board.timeliness(), "board-service (waiting times)", unavailable);
        Margins margins = part(pathology.margins(), "pathology-service (R0 rate)", unavailable);
        List<OverduePlan> overdue = board.overduePlans().orNull();
        return page(200, Templates.dashboard(viewer, counts, counts == null ? List.of() : statusBars(counts), timeliness,
                timeliness == null ? List.of() : List.of(
                        boxes("Days from referral to board decision, per site", timeliness.sites(), SiteTimeliness::referralToDecisionDays),
                        boxes("Days from board decision to treatment, per site", timeliness.sites(), SiteTimeliness::decisionToTreatmentDays)),
                margins, margins == null ? null : rates(margins), overdue == null ? List.of() : overdue, unavailable));
    }

    /** One service's part of the page, or its name on the list of what is missing: the rest of the page still shows. */
    private static <T> T part(Answer<T> answer, String what, List<String> unavailable) {
        T value = answer.orNull();
        if (value == null) {
            unavailable.add(what);
        }
        return value;
    }

    static List<Bar> statusBars(CaseCounts counts) {
        long max = counts.byStatus().values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.byStatus().entrySet()) {
            bars.add(new Bar(e.getKey().replace('_', ' ').toLowerCase(), e.getValue(),
                    max == 0 ? 0 : PLOT_WIDTH * e.getValue() / (double) max, 22 * bars.size()));
        }
        return bars;
    }

    static BoxChart boxes(String title, List<SiteTimeliness> sites, Function<SiteTimeliness, Spread> which) {
        long max = sites.stream().map(which).filter(s -> s.max() != null).mapToLong(Spread::max).max().orElse(0);
        long scale = Math.max(7, max);
        List<Box> rows = new ArrayList<>();
        for (SiteTimeliness site : sites) {
            Spread s = which.apply(site);
            int y = 30 * rows.size();
            rows.add(s.n() == 0 ? new Box(site.site(), s, 0, 0, 0, 0, 0, y)
                    : new Box(site.site(), s, x(s.min(), scale), x(s.q1(), scale), x(s.median(), scale), x(s.q3(), scale),
                            x(s.max(), scale), y));
        }
        return new BoxChart(title, rows, scale, 30 * rows.size() + 30);
    }

    static RateChart rates(Margins margins) {
        List<RateBar> rows = new ArrayList<>();
        rows.add(new RateBar("all sites", margins.all(), width(margins.all().r0Rate()), 0));
        margins.sites().forEach(r -> rows.add(new RateBar(r.site(), r, width(r.r0Rate()), 30 * rows.size())));
        return new RateChart(rows, PLOT_X + width(margins.published().specializedCenters()),
                PLOT_X + width(margins.published().otherCenters()),
                margins.published().specializedCenters().movePointRight(2).stripTrailingZeros().toPlainString() + "%",
                margins.published().otherCenters().movePointRight(2).stripTrailingZeros().toPlainString() + "%",
                30 * rows.size() + 40);
    }

    private static double width(BigDecimal rate) {
        return rate == null ? 0 : PLOT_WIDTH * rate.doubleValue();
    }

    private static double x(Number days, long scale) {
        return PLOT_X + PLOT_WIDTH * days.doubleValue() / scale;
    }
}
