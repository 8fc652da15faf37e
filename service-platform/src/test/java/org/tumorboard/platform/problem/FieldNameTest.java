package org.tumorboard.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A problem names the field as the client sent it, list indices where the client put them. */
class FieldNameTest {

    record Item(@NotNull String name) {
    }

    record Body(@Valid Nested nested) {
    }

    record Nested(List<@NotNull @Valid Item> items, List<@Pattern(regexp = "[A-Z]+") String> codes) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void aPropertyOfAListElementAndAContainerElementAreNamedByTheirJsonPath() {
        Body body = new Body(new Nested(List.of(new Item("a"), new Item(null)), List.of("OK", "not ok")));
        Set<ConstraintViolation<Body>> violations = validator.validate(body);
        assertEquals(Set.of("nested.items[1].name", "nested.codes[1]"),
                violations.stream().map(v -> ProblemMappers.fieldName(v.getPropertyPath())).collect(java.util.stream.Collectors.toSet()));
    }
}
