package org.custodia.methodology.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.custodia.methodology.expression.Expressions;
import tools.jackson.databind.json.JsonMapper;

/** Definitions read from {@code src/test/resources/methodology}, validated against a four-level risk scale. */
final class InstrumentFixtures {

    static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DefinitionValidator VALIDATOR = new DefinitionValidator(new Expressions());

    private InstrumentFixtures() {}

    static InstrumentDefinition definition(String name) {
        try (InputStream in = InstrumentFixtures.class.getResourceAsStream("/methodology/" + name)) {
            return JSON.readValue(in, InstrumentDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CompiledInstrument compiled(String name) {
        DefinitionValidator.Result result = VALIDATOR.validate(definition(name), LEVELS, "en");
        if (!result.valid()) {
            throw new IllegalStateException("fixture " + name + " is invalid: " + result.errors());
        }
        return result.compiled();
    }
}
