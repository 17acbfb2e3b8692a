package org.custodia.methodology.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.methodology.instrument.SeedMethodology.INSTRUMENT_FILES;
import static org.custodia.methodology.instrument.SeedMethodology.TENANTS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.instrument.InstrumentDefinition.Item;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared test vectors of item conditions ({@code src/test/resources/methodology/condition-vectors.json}): every
 * condition of the seeded instruments with answer sets and whether the item applies. This test holds the server's CEL
 * engine (the very {@link Scorer#applies} scoring uses) to them; the SPA's Vitest {@code conditionVectors.test.ts}
 * holds the browser's evaluator ({@code @bufbuild/cel}) to the same file, so offline entry shows the same items the
 * server scores.
 *
 * <p>To regenerate the file after a seed condition changed, run this test with
 * {@code -Dcustodia.conditionVectors.write=<path of the file>}: the answer sets are generated from the items each
 * condition reads, and the expected values are what this engine answers.
 */
class ConditionVectorsTest {

    static final String RESOURCE = "/methodology/condition-vectors.json";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    record Case(Map<String, Object> answers, boolean expected) {}

    record Vector(String tenant, String instrument, String item, String condition, List<Case> cases) {}

    record Vectors(String about, List<Vector> vectors) {}

    private static Vectors stored() throws IOException {
        try (InputStream in = ConditionVectorsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return JSON.readValue(in, Vectors.class);
        }
    }

    private static boolean serverSays(CompiledExpression condition, Map<String, Object> answers) {
        return Scorer.applies(condition, AnswerValidator.forExpressions(answers));
    }

    private static CompiledInstrument instrument(String tenant, String code) {
        return INSTRUMENT_FILES.stream()
                .filter(file -> SeedMethodology.exported(tenant, file)
                        .instrument()
                        .code()
                        .equals(code))
                .map(file -> SeedMethodology.compiled(tenant, file))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no seeded instrument " + tenant + "/" + code));
    }

    @Test
    void theServerEngineGivesEveryExpectedResult() throws IOException {
        int cases = 0;
        for (Vector vector : stored().vectors()) {
            CompiledInstrument compiled = instrument(vector.tenant(), vector.instrument());
            CompiledExpression condition = compiled.conditions().get(vector.item());
            assertThat(condition).as("condition of %s", vector.item()).isNotNull();
            assertThat(condition.source()).isEqualTo(vector.condition());
            for (Case c : vector.cases()) {
                assertThat(serverSays(condition, c.answers()))
                        .as("%s/%s %s with %s", vector.tenant(), vector.instrument(), vector.item(), c.answers())
                        .isEqualTo(c.expected());
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(50);
    }

    @Test
    void theVectorsCoverEveryConditionOfTheSeededInstrumentsWithBothOutcomes() throws IOException {
        Set<String> seeded = new TreeSet<>();
        for (String tenant : TENANTS) {
            for (String file : INSTRUMENT_FILES) {
                String code =
                        SeedMethodology.exported(tenant, file).instrument().code();
                SeedMethodology.compiled(tenant, file)
                        .conditions()
                        .forEach((item, condition) ->
                                seeded.add(tenant + "/" + code + "/" + item + ": " + condition.source()));
            }
        }
        Set<String> covered = new TreeSet<>();
        for (Vector vector : stored().vectors()) {
            covered.add(vector.tenant() + "/" + vector.instrument() + "/" + vector.item() + ": " + vector.condition());
            assertThat(vector.cases().stream().map(Case::expected).distinct())
                    .as("%s has cases where the item applies and where it does not", vector.item())
                    .containsExactlyInAnyOrder(true, false);
        }
        assertThat(seeded).isNotEmpty();
        assertThat(covered).isEqualTo(seeded);
    }

    /** Writes the file anew when asked to (see the class comment); otherwise does nothing. */
    @Test
    void regenerateWhenAsked() throws IOException {
        String target = System.getProperty("custodia.conditionVectors.write");
        if (target == null) {
            return;
        }
        List<Vector> vectors = new ArrayList<>();
        for (String tenant : TENANTS) {
            for (String file : INSTRUMENT_FILES) {
                String code =
                        SeedMethodology.exported(tenant, file).instrument().code();
                CompiledInstrument compiled = SeedMethodology.compiled(tenant, file);
                for (String item : compiled.conditionOrder()) {
                    CompiledExpression condition = compiled.conditions().get(item);
                    if (condition == null) {
                        continue;
                    }
                    List<Case> cases = answerSets(compiled, condition).stream()
                            .map(answers -> new Case(answers, serverSays(condition, answers)))
                            .toList();
                    vectors.add(new Vector(tenant, code, item, condition.source(), cases));
                }
            }
        }
        Files.writeString(
                Path.of(target),
                JSON.writeValueAsString(new Vectors(
                                "Every item condition of the seeded instruments with answer sets and whether the item"
                                        + " applies, as the server's CEL engine says. Checked by ConditionVectorsTest"
                                        + " (backend) and conditionVectors.test.ts (frontend, @bufbuild/cel).",
                                vectors))
                        + "\n");
    }

    /** Every combination of "unanswered" and typical answers of the items the condition reads. */
    private static List<Map<String, Object>> answerSets(CompiledInstrument compiled, CompiledExpression condition) {
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(new LinkedHashMap<>());
        for (String code : condition.keysOf("answers")) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> set : sets) {
                next.add(set);
                for (Object value : typicalAnswers(compiled.items().get(code))) {
                    Map<String, Object> with = new LinkedHashMap<>(set);
                    with.put(code, value);
                    next.add(with);
                }
            }
            sets = next;
        }
        return sets;
    }

    private static List<Object> typicalAnswers(Item item) {
        List<Object> options = new ArrayList<>(
                item.options().stream().map(InstrumentDefinition.Option::code).toList());
        return switch (item.type()) {
            case YES_NO -> List.of(true, false);
            case SINGLE_CHOICE -> options;
            case MULTI_CHOICE -> List.of(List.of(), List.of(options.get(0)), options);
            case NUMBER -> List.of(0, 17, 24.5, 100);
            case DATE -> List.of("2000-01-01");
            case TEXT -> List.of("", "text");
        };
    }
}
