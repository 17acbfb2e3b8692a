package org.custodia.methodology.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.custodia.methodology.expression.Expressions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo tenants' seeded classification schemes ({@code seed/methodology/<realm>/}), validated and compiled. */
final class SeedSchemes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemeValidator VALIDATOR = new SchemeValidator(new Expressions());

    private SeedSchemes() {}

    static InputStream seed(String realm, String file) {
        InputStream in = SeedSchemes.class.getResourceAsStream("/seed/methodology/" + realm + "/" + file);
        if (in == null) {
            throw new IllegalStateException("missing seed file " + realm + "/" + file);
        }
        return in;
    }

    /** A seed file as a JSON tree, for what the engine does not see (other files, the document's own layout). */
    static JsonNode tree(String realm, String file) {
        try (InputStream in = seed(realm, file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The realm's scheme compiled in its default language against its seeded risk levels; invalid seeds fail here with their problems. */
    static CompiledScheme compiled(String realm, String language) {
        try (InputStream in = seed(realm, "classification-scheme.json")) {
            List<String> levels = new ArrayList<>();
            tree(realm, "risk-levels.json")
                    .forEach(level -> levels.add(level.path("code").asString()));
            SchemeValidator.Result result =
                    VALIDATOR.validate(JSON.readValue(in, SchemeDefinition.class), levels, language);
            if (!result.valid()) {
                throw new IllegalStateException(realm + " scheme is invalid: " + result.errors());
            }
            return result.compiled();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
