package org.custodia.methodology.seed;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.shared.persistence.UuidV7;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo tenants' methodology from {@code seed/methodology/<realm>/*.json}: risk levels, offence codes,
 * programmes, the classification scheme and instruments (in the exchange format), all published. Runs once, as the
 * owner, with the tenant set the same way the service sets it, so row-level security applies here too. The files are
 * validated by {@code SeedInstrumentsTest}; this class only stores them.
 */
@Component
public class V6__DemoMethodology extends BaseJavaMigration {

    private static final Map<String, UUID> DEMO_TENANTS = Map.of(
            "kz", UUID.fromString("01900000-0000-7000-8000-00000000004b"),
            "kg", UUID.fromString("01900000-0000-7000-8000-00000000004c"));
    private static final String PUBLISHER = "seed";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (Map.Entry<String, UUID> tenant : DEMO_TENANTS.entrySet()) {
            execute(
                    connection,
                    "select set_config('app.tenant_id', ?, true)",
                    tenant.getValue().toString());
            for (Resource file : files(tenant.getKey())) {
                load(connection, file.getFilename(), read(file));
            }
        }
        execute(connection, "select set_config('app.tenant_id', '', true)");
    }

    private void load(Connection connection, String name, JsonNode document) throws SQLException {
        switch (name) {
            case "risk-levels.json" -> {
                list(connection, "RISK_LEVELS");
                int rank = 0;
                for (JsonNode level : document) {
                    execute(
                            connection,
                            "insert into risk_level (code, rank, name, common_level) values (?, ?, ?::jsonb, ?)",
                            level.get("code").asString(),
                            rank++,
                            level.get("name").toString(),
                            level.get("commonLevel").asString());
                }
            }
            case "offences.json" -> {
                list(connection, "OFFENCES");
                int rank = 0;
                for (JsonNode offence : document.get("offences")) {
                    execute(
                            connection,
                            "insert into offence (code, rank, name, gravity) values (?, ?, ?::jsonb, ?)",
                            offence.get("code").asString(),
                            rank++,
                            offence.get("name").toString(),
                            offence.get("gravity").asString());
                }
            }
            case "programmes.json" -> {
                list(connection, "PROGRAMMES");
                int rank = 0;
                for (JsonNode programme : document.get("programmes")) {
                    execute(
                            connection,
                            "insert into programme (code, rank, name, needs, eligibility) values (?, ?, ?::jsonb, ?::jsonb, ?)",
                            programme.get("code").asString(),
                            rank++,
                            programme.get("name").toString(),
                            programme.get("needs").toString(),
                            programme.hasNonNull("eligibility")
                                    ? programme.get("eligibility").asString()
                                    : null);
                }
            }
            case "classification-scheme.json" ->
                execute(
                        connection,
                        "insert into classification_scheme_version (id, number, status, definition, version, created_at,"
                                + " published_at, published_by) values (?, 1, 'PUBLISHED', ?::jsonb, 0, ?, ?, ?)",
                        UuidV7.next(),
                        document.toString(),
                        now(),
                        now(),
                        PUBLISHER);
            default -> instrument(connection, document);
        }
    }

    private void instrument(Connection connection, JsonNode document) throws SQLException {
        JsonNode instrument = document.get("instrument");
        UUID id = UuidV7.next();
        execute(
                connection,
                "insert into instrument (id, code, kind, name, description, version, created_at)"
                        + " values (?, ?, ?, ?::jsonb, ?::jsonb, 0, ?)",
                id,
                instrument.get("code").asString(),
                instrument.get("kind").asString(),
                instrument.get("name").toString(),
                instrument.has("description") ? instrument.get("description").toString() : "{}",
                now());
        execute(
                connection,
                "insert into instrument_version (id, instrument_id, number, status, definition, version, created_at,"
                        + " published_at, published_by) values (?, ?, 1, 'PUBLISHED', ?::jsonb, 0, ?, ?, ?)",
                UuidV7.next(),
                id,
                document.get("definition").toString(),
                now(),
                now(),
                PUBLISHER);
    }

    private static void list(Connection connection, String kind) throws SQLException {
        execute(connection, "insert into methodology_list (kind, version, updated_at) values (?, 1, now())", kind);
    }

    private static List<Resource> files(String realm) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath:seed/methodology/" + realm + "/*.json");
        // Risk levels and offences first: the rest refers to them.
        return Arrays.stream(found)
                .sorted(Comparator.comparing((Resource r) -> !r.getFilename().equals("risk-levels.json"))
                        .thenComparing(Resource::getFilename))
                .toList();
    }

    private JsonNode read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return json.readTree(in);
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
