package org.custodia.methodology.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.instrument.InstrumentViews.ExportedVersion;
import org.custodia.methodology.risk.RiskLevel;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed methodology of the demo tenants, read from {@code src/main/resources/seed/methodology/<tenant>/}. Parsing is
 * strict: a misspelt field in a seed file fails here instead of being silently dropped.
 */
final class SeedMethodology {

    static final List<String> TENANTS = List.of("kz", "kg");
    static final Map<String, String> DEFAULT_LANGUAGE = Map.of("kz", "kk", "kg", "ky");
    static final List<String> INSTRUMENT_FILES =
            List.of("custody-rating.json", "needs-inventory.json", "ve-guide.json");
    static final List<String> OTHER_FILES = List.of("risk-levels.json", "offences.json", "classification-scheme.json");
    static final List<String> LANGUAGES = List.of("en", "ru", "kk", "ky", "fr", "ar");

    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final DefinitionValidator VALIDATOR = new DefinitionValidator(new Expressions());

    private SeedMethodology() {}

    static String path(String tenant, String file) {
        return "/seed/methodology/" + tenant + "/" + file;
    }

    static JsonNode tree(String tenant, String file) {
        try (InputStream in = open(tenant, file)) {
            return STRICT.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<RiskLevel> riskLevels(String tenant) {
        try (InputStream in = open(tenant, "risk-levels.json")) {
            return STRICT.readValue(in, new TypeReference<List<RiskLevel>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> levelCodes(String tenant) {
        return riskLevels(tenant).stream().map(RiskLevel::code).toList();
    }

    static ExportedVersion exported(String tenant, String file) {
        try (InputStream in = open(tenant, file)) {
            return STRICT.readValue(in, ExportedVersion.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static DefinitionValidator.Result validate(String tenant, String file) {
        return VALIDATOR.validate(
                exported(tenant, file).definition(), levelCodes(tenant), DEFAULT_LANGUAGE.get(tenant));
    }

    static CompiledInstrument compiled(String tenant, String file) {
        DefinitionValidator.Result result = validate(tenant, file);
        if (!result.valid()) {
            throw new IllegalStateException(path(tenant, file) + " is invalid: " + result.errors());
        }
        return result.compiled();
    }

    private static InputStream open(String tenant, String file) {
        InputStream in = SeedMethodology.class.getResourceAsStream(path(tenant, file));
        if (in == null) {
            throw new IllegalStateException("missing seed file " + path(tenant, file));
        }
        return in;
    }
}
