package org.tumorboard.board.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tumorboard.board.PlanOption;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule;
import org.tumorboard.board.treatment.rules.FollowThrough;

import io.quarkus.runtime.Startup;

/**
 * The date policies a hospital tunes, read once at start-up (a bad value stops the service with its reason):
 * {@code tumorboard.board.follow-through.<OPTION>=TYPE:days,...} overrides the default steps of an option;
 * {@code tumorboard.board.surveillance.high-grade} and {@code .low-grade} are {@code untilMonth:everyMonths} phases.
 */
@Startup
@ApplicationScoped
public class BoardPolicies {

    private final Map<PlanOption, List<FollowThrough.Step>> followThrough;
    private final SurveillanceSchedule.Policy surveillance;
    private final int graceDays;

    @Inject
    public BoardPolicies(BoardConfig config) {
        Map<PlanOption, List<FollowThrough.Step>> steps = new EnumMap<>(PlanOption.class);
        steps.putAll(FollowThrough.DEFAULT_STEPS);
        config.followThrough().forEach((option, value) -> steps.put(option, FollowThrough.parse(value)));
        followThrough = Map.copyOf(steps);
        surveillance = new SurveillanceSchedule.Policy(SurveillanceSchedule.parse(config.surveillance().highGrade()),
                SurveillanceSchedule.parse(config.surveillance().lowGrade()));
        graceDays = config.surveillance().graceDays();
    }

    public int graceDays() {
        return graceDays;
    }

    public Map<PlanOption, List<FollowThrough.Step>> followThrough() {
        return followThrough;
    }

    public SurveillanceSchedule.Policy surveillance() {
        return surveillance;
    }
}
