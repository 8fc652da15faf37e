package org.tumorboard.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.tumorboard.web.IntakeViews.Problem;

/**
 * What a call to a service gave: the value it answers with, or why there is none. The {@code *Api} wrappers return it
 * and the pages switch over it, so no page reads an HTTP status or catches a connection failure itself.
 */
sealed interface Answer<T> {

    /** The service answered as expected. */
    record Value<T>(T value) implements Answer<T> {
    }

    /** 404: no such case, or not one the user's role and site may see (the two look the same). */
    record NotFound<T>(Problem problem) implements Answer<T> {
    }

    /** The service refused the call (400, 403, 409...): its problem says why, field by field. */
    record Refused<T>(int status, Problem problem) implements Answer<T> {
    }

    /** The service failed (5xx: the page answers 502) or did not answer at all (503). Nothing was changed by us. */
    record NotAnswering<T>(int pageStatus) implements Answer<T> {
    }

    static <T> Answer<T> call(Supplier<Response> request, int expected, Class<T> type) {
        return call(request, expected, r -> r.readEntity(type));
    }

    static <T> Answer<List<T>> list(Supplier<Response> request, Class<T[]> type) {
        return call(request, 200, r -> List.of(r.readEntity(type)));
    }

    static <T> Answer<T> call(Supplier<Response> request, int expected, Function<Response, T> read) {
        try (Response r = request.get()) {
            int status = r.getStatus();
            if (status == expected) {
                return new Value<>(read.apply(r));
            }
            if (status == 404) {
                return new NotFound<>(Answers.problem(r));
            }
            if (status >= 400 && status < 500) {
                return new Refused<>(status, Answers.problem(r));
            }
            return new NotAnswering<>(502);
        } catch (ProcessingException down) {
            return new NotAnswering<>(503);
        }
    }

    /** The value, or null when the call gave none (for a page's optional part). */
    default T orNull() {
        return this instanceof Value<T> v ? v.value() : null;
    }

    /** The status a page answers with when it shows this failure: 404, the refusal's own, 502 or 503. */
    default int status() {
        return switch (this) {
            case Value<T> v -> 200;
            case NotFound<T> f -> 404;
            case Refused<T> r -> r.status();
            case NotAnswering<T> n -> n.pageStatus();
        };
    }

    /** What the user reads: the service's own detail of a refusal, or that it is not answering. */
    default String say(String service) {
        return switch (this) {
            case Value<T> v -> null;
            case NotFound<T> f -> Answers.notFound();
            case Refused<T> r -> Refusals.say(r.problem(), service);
            case NotAnswering<T> n -> Answers.unavailable(service);
        };
    }

    /** What a refused or failed write says: that nothing was saved and why, or that the service is not answering. */
    default String notSaved(String service) {
        return switch (this) {
            case Value<T> v -> null;
            case NotFound<T> f -> Answers.notFound();
            case Refused<T> r -> Refusals.notSaved(r.problem(), service);
            case NotAnswering<T> n -> Answers.unavailable(service);
        };
    }

    /** The refusal's problem (NotFound and Refused carry one), or null when there is none. */
    default Problem problem() {
        return null;
    }

    /** A refusal's field errors, keyed by the JSON path the form's inputs are named by. */
    default Map<String, String> fieldErrors() {
        return this instanceof Refused<T> r ? Answers.fieldErrors(r.problem()) : Map.of();
    }
}
