package org.custodia.methodology.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.custodia.shared.error.FieldError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dry-run scoring throughput on one thread, in-process, for the seed instruments of the Kazakhstan demo tenant: the
 * 40-item needs inventory (4 conditional items, 8 scales, a FORMULA scale and a comprehension in the overall formula),
 * the 27-item custody rating and the 27-item violent extremism guide, each with a complete answer set. Not a test:
 * run it with {@code mvn -f backend/pom.xml -Pbench test-compile exec:exec} (see {@code docs/benchmarks.md}).
 *
 * <ul>
 *   <li>{@code score*}: {@link Scorer#score} on a precompiled {@link CompiledInstrument} (the target: at least 20,000
 *       per second per core for the 40-item instrument);
 *   <li>{@code validateAndScore}: plus {@link AnswerValidator#validate}, i.e. all a dry run does once the version is
 *       compiled;
 *   <li>{@code compileValidateAndScore}: plus {@link DefinitionValidator#validate}, what a dry run costs when its
 *       version is not compiled yet: {@code InstrumentService} keeps compiled versions (by version, row version, risk
 *       levels and language), so only the first dry run after a change pays it.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class ScoringBenchmark {

    private final Scorer scorer = new Scorer();
    private InstrumentViews.ExportedVersion needsDocument;
    private List<String> levels;
    private CompiledInstrument needs;
    private CompiledInstrument custody;
    private CompiledInstrument ve;
    private Map<String, Object> needsAnswers;
    private Map<String, Object> custodyAnswers;
    private Map<String, Object> veAnswers;
    private final Judgement judgement = new Judgement("HIGH", "Engagement high, influence on others in custody.");

    @Setup
    public void setUp() {
        needsDocument = SeedMethodology.exported("kz", "needs-inventory.json");
        levels = SeedMethodology.levelCodes("kz");
        needs = SeedMethodology.compiled("kz", "needs-inventory.json");
        custody = SeedMethodology.compiled("kz", "custody-rating.json");
        ve = SeedMethodology.compiled("kz", "ve-guide.json");
        needsAnswers = needsAnswers();
        custodyAnswers = custodyAnswers();
        veAnswers = veAnswers();
        for (var check :
                List.of(Map.entry(needs, needsAnswers), Map.entry(custody, custodyAnswers), Map.entry(ve, veAnswers))) {
            List<FieldError> errors = AnswerValidator.validate(check.getKey(), check.getValue());
            if (!errors.isEmpty()) {
                throw new IllegalStateException("benchmark answers do not fit: " + errors);
            }
        }
        if (!scorer.score(needs, needsAnswers, null).overall().complete()) {
            throw new IllegalStateException("the needs answers should give a complete rating");
        }
    }

    @Benchmark
    public ScoringResult scoreNeedsInventory40Items() {
        return scorer.score(needs, needsAnswers, null);
    }

    @Benchmark
    public ScoringResult scoreCustodyRating27Items() {
        return scorer.score(custody, custodyAnswers, null);
    }

    @Benchmark
    public ScoringResult scoreVeGuide27Items() {
        return scorer.score(ve, veAnswers, judgement);
    }

    @Benchmark
    public ScoringResult validateAndScoreNeedsInventory() {
        List<FieldError> errors = AnswerValidator.validate(needs, needsAnswers);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.toString());
        }
        return scorer.score(needs, needsAnswers, null);
    }

    @Benchmark
    public void compileValidateAndScoreNeedsInventory(Blackhole blackhole) {
        DefinitionValidator.Result compiled =
                SeedMethodology.VALIDATOR.validate(needsDocument.definition(), levels, "kk");
        blackhole.consume(AnswerValidator.validate(compiled.compiled(), needsAnswers));
        blackhole.consume(scorer.score(compiled.compiled(), needsAnswers, null));
    }

    /** Every item answered and all four conditional items applicable (a diagnosis, drug use): a complete rating. */
    private static Map<String, Object> needsAnswers() {
        Map<String, Object> a = new HashMap<>();
        a.put("edu_level", "incomplete_secondary");
        a.put("literacy_problem", false);
        a.put("numeracy_problem", true);
        a.put("learning_difficulty", false);
        a.put("edu_interest", "unsure");
        a.put("employed_before_arrest", false);
        a.put("work_history", "irregular");
        a.put("vocational_skills", false);
        a.put("debt_problem", true);
        a.put("job_prospects", "possible");
        a.put("alcohol_misuse", "some");
        a.put("drug_use", true);
        a.put("drug_injecting", false);
        a.put("drug_dependence", true);
        a.put("substance_linked_offending", true);
        a.put("mh_diagnosis", true);
        a.put("mh_untreated", false);
        a.put("emotional_distress", "some");
        a.put("self_harm", "never");
        a.put("head_injury", false);
        a.put("relationship_problems", "serious");
        a.put("family_contact", true);
        a.put("family_violence", false);
        a.put("family_offending", true);
        a.put("dependants_without_care", false);
        a.put("criminal_friends", "most");
        a.put("extremist_associates", true);
        a.put("prosocial_support", false);
        a.put("social_isolation", false);
        a.put("easily_led", true);
        a.put("procriminal_attitudes", "some");
        a.put("responsibility", "partly");
        a.put("hostility_authority", "serious");
        a.put("victim_awareness", true);
        a.put("motivation_to_change", "ambivalent");
        a.put("impulsivity", true);
        a.put("extremist_sympathy", true);
        a.put("priority_need", "employment");
        a.put("accommodation_on_release", false);
        a.put("summary_notes", "Work and peers first; refer for substance misuse treatment.");
        return a;
    }

    /** The hand-computed custody rating case (security risk 81, adjustment 36), shared with SeedMethodologyIT. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> custodyAnswers() {
        try (InputStream in =
                ScoringBenchmark.class.getResourceAsStream("/methodology/cases/custody-rating-high.json")) {
            return JsonMapper.builder().build().readValue(in, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> veAnswers() {
        Map<String, Object> a = new HashMap<>();
        for (String factor : List.of(
                "e_belonging",
                "e_grievance",
                "e_identification",
                "e_network",
                "e_status",
                "e_susceptibility",
                "e_crisis",
                "i_justification",
                "i_dehumanisation",
                "i_harmful_goals",
                "i_expressed_intent",
                "i_sacrifice",
                "i_influence",
                "c_combat",
                "c_skills",
                "c_resources",
                "c_violence_history",
                "c_leadership")) {
            a.put(factor, "moderate");
        }
        a.put("c_conflict_zone", true);
        for (String factor : List.of("p_rejects_violence", "p_prosocial_ties", "p_programme", "p_reflection")) {
            a.put(factor, "partly");
        }
        a.put("sources", List.of("case_file", "interview"));
        a.put("interview_declined", false);
        a.put("evidence_summary", "File review and two interviews.");
        return a;
    }
}
