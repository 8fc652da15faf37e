package org.tumorboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.tumorboard.platform.failure.DomainFailure;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.StrictJson;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The fuzz harness of issue #11: request bodies are read and validated as the services read them (Quarkus's mapper
 * with {@link StrictJson}, Bean Validation), then handed to the clinical rules. What the service answers with 4xx is
 * fine: a body Jackson refuses, a constraint violation, a {@link ProblemException} of status 4xx. Anything else thrown
 * is a finding, and Jazzer fails the test with the input that caused it.
 */
public final class RequestFuzzing {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static {
        new StrictJson().customize(MAPPER);
    }

    /** Strings that have broken parsers and rules before: empty, blank, control characters, huge numbers, bad dates. */
    private static final List<Object> AWKWARD = List.of("", " ", "null", "\u0000", "\uD800", "é\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "'; DROP TABLE x; --", "<script>", "1961-02-30", "2026-13-01", "0000-01-01", "+999999999-12-31", "NaN", "-Infinity",
            0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 1.5, -0.0, 1e-9, new BigDecimal("1E+400"),
            new BigDecimal("-1E+400"), new BigDecimal("0.000000000000000000000000000001"), true, false);

    public static final AtomicLong EXECUTIONS = new AtomicLong();
    public static final AtomicLong PARSED = new AtomicLong();
    public static final AtomicLong VALID = new AtomicLong();
    public static final AtomicLong REFUSED_BY_RULES = new AtomicLong();

    private RequestFuzzing() {
    }

    /** Reads and validates the body as the service would, then runs the rules on it; returns false for a 4xx answer. */
    public static <T> boolean handle(String json, Class<T> type, RuleCall<T> rules) {
        EXECUTIONS.incrementAndGet();
        T request;
        try {
            request = MAPPER.readValue(json, type);
        } catch (JsonProcessingException refused) {
            return false; // 400 problem from ProblemMappers
        }
        PARSED.incrementAndGet();
        if (request == null || !VALIDATOR.validate(request).isEmpty()) {
            return false; // 400 problem naming the fields
        }
        VALID.incrementAndGet();
        try {
            rules.apply(request);
            return true;
        } catch (DomainFailure refused) {
            REFUSED_BY_RULES.incrementAndGet(); // 400, 404 or 409 by the platform's mapping
            return false;
        } catch (ProblemException e) {
            if (e.status() >= 400 && e.status() < 500) {
                REFUSED_BY_RULES.incrementAndGet();
                return false;
            }
            throw e;
        }
    }

    /** {@link #handle} of a document {@link #near} the template. */
    public static <T> boolean handleNear(Map<String, Object> template, Class<T> type, FuzzedDataProvider data, RuleCall<T> rules) {
        return handle(near(template, type, data), type, rules);
    }

    @FunctionalInterface
    public interface RuleCall<T> {
        void apply(T request);
    }

    /**
     * A JSON document near a valid one of {@code type}: each field kept, set to another value its Java type allows (any
     * constant of an enum, a nearby or extreme number, another date), replaced by any JSON value, dropped, or joined by
     * a field nobody declared. Near-valid documents get past the parser and reach the rules.
     */
    public static String near(Map<String, Object> template, Class<?> type, FuzzedDataProvider data) {
        try {
            return WRITER.writeValueAsString(mutate(template, type, data, 0));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object mutate(Object value, Type type, FuzzedDataProvider data, int depth) {
        if (data.remainingBytes() == 0) {
            return value;
        }
        int op = data.consumeInt(0, 11);
        if (op == 9) {
            return anyValue(data, depth);
        }
        if (op == 10) {
            return data.pickValue(AWKWARD);
        }
        Class<?> raw = rawClass(type);
        if (op >= 6 && raw != null && !(value instanceof Map) && !(value instanceof List)) {
            Object typed = typedValue(raw, data);
            if (typed != NONE) {
                return typed;
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (data.remainingBytes() > 0 && data.consumeInt(0, 15) == 0) {
                    continue; // dropped
                }
                String key = e.getKey().toString();
                out.put(key, mutate(e.getValue(), componentType(raw, key), data, depth + 1));
            }
            if (data.remainingBytes() > 0 && data.consumeInt(0, 20) == 0) {
                out.put(data.consumeString(12), anyValue(data, depth + 1));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            Type item = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
            List<Object> out = new ArrayList<>();
            for (Object element : list) {
                out.add(mutate(element, item, data, depth + 1));
            }
            int more = data.remainingBytes() > 0 ? data.consumeInt(0, 3) : 0;
            for (int i = 0; i < more && !list.isEmpty(); i++) {
                out.add(mutate(list.get(0), item, data, depth + 1));
            }
            return out;
        }
        return value;
    }

    private static final Object NONE = new Object();

    /** Another value of the field's own Java type, biased to where rules change their answer. */
    private static Object typedValue(Class<?> raw, FuzzedDataProvider data) {
        if (raw.isEnum()) {
            return ((Enum<?>) data.pickValue(raw.getEnumConstants())).name();
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return data.consumeBoolean() ? data.consumeInt(-5, 150) : data.consumeLong();
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == Float.class) {
            return switch (data.consumeInt(0, 2)) {
                case 0 -> BigDecimal.valueOf(data.consumeInt(-50, 1_500), 1);
                case 1 -> BigDecimal.valueOf(data.consumeInt(-500, 15_000), data.consumeInt(0, 4));
                default -> data.consumeRegularDouble();
            };
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return data.consumeBoolean();
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 11, 21).plusDays(data.consumeInt(-60_000, 400)).toString();
        }
        if (raw == String.class) {
            return data.consumeString(data.consumeBoolean() ? 16 : 5_000);
        }
        return NONE;
    }

    private static Type componentType(Class<?> record, String name) {
        if (record == null || !record.isRecord()) {
            return null;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getGenericType();
            }
        }
        return null;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    private static Object anyValue(FuzzedDataProvider data, int depth) {
        int kind = data.consumeInt(0, depth > 6 ? 5 : 7);
        return switch (kind) {
            case 0 -> data.consumeString(64);
            case 1 -> data.consumeInt();
            case 2 -> data.consumeLong();
            case 3 -> data.consumeRegularDouble();
            case 4 -> data.consumeBoolean();
            case 5 -> null;
            case 6 -> {
                List<Object> list = new ArrayList<>();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    list.add(anyValue(data, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    map.put(data.consumeString(12), anyValue(data, depth + 1));
                }
                yield map;
            }
        };
    }

    /** Appends this run's figures to target/fuzz-figures.txt (the note of issue #11 reports them). */
    public static void report(String module) {
        String line = String.format("%s: %d executions, %d parsed, %d valid, %d refused by the rules (4xx)%n", module,
                EXECUTIONS.get(), PARSED.get(), VALID.get(), REFUSED_BY_RULES.get());
        System.out.print("FUZZ " + line);
        try {
            Files.writeString(Path.of("target", "fuzz-figures.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
