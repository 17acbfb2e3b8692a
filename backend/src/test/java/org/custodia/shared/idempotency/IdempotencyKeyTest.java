package org.custodia.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.custodia.shared.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"01937f3c-7d5e-7a1b-9c3d-2f4e5a6b7c8d", "submit:42:retry.1", "AbCdEfGh"})
    void acceptsUuidsAndOtherPlainTokens(String value) {
        assertThat(IdempotencyKey.parse(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"seven77", "with space in it", "ключ-идемпотентности", "semi;colon;key"})
    void refusesAbsentOrMalformedKeysNamingTheHeader(String value) {
        assertThatThrownBy(() -> IdempotencyKey.parse(value))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("Idempotency-Key")));
    }

    @Test
    void allowsAtMost128Characters() {
        assertThat(IdempotencyKey.parse("k".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> IdempotencyKey.parse("k".repeat(129))).isInstanceOf(InvalidRequestException.class);
    }
}
