package org.custodia.methodology.scheme;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.custodia.methodology.scheme.ClassificationFacts.AssessmentResults;
import org.custodia.methodology.scheme.ClassificationFacts.Offence;
import org.custodia.methodology.scheme.ClassificationFacts.Prisoner;
import org.custodia.methodology.scheme.ClassificationFacts.Sentence;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput on one thread, in-process, with the seeded schemes of the demo tenants (Kazakhstan: 15
 * rules, 5 constraints; Kyrgyzstan likewise): {@link RuleEngine#propose} tries the rules in order until one matches,
 * {@link RuleEngine#violations} checks every constraint for a decision. Besides operations per second, JMH reports
 * the {@code rules} and {@code constraints} evaluated per second (auxiliary counters), the figure that does not
 * depend on where the first match falls. Not a test: run it with {@code mvn -f backend/pom.xml -Pbench test-compile
 * exec:exec -Dbench.args="-foe true ClassificationBenchmark"} (see {@code docs/benchmarks.md}).
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
public class ClassificationBenchmark {

    /** Rules tried, reported by JMH as a rate beside the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rules {
        public long rules;

        @Setup(Level.Iteration)
        public void reset() {
            rules = 0;
        }
    }

    /** Constraints checked, likewise. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Constraints {
        public long constraints;

        @Setup(Level.Iteration)
        public void reset() {
            constraints = 0;
        }
    }

    private final RuleEngine engine = new RuleEngine();
    private CompiledScheme kz;
    private CompiledScheme kg;

    /**
     * A man of 30, five years for armed robbery with 40 months left, whom the court sent to a medium-security (kz) or
     * general-regime (kg) institution, custody rating MEDIUM, no flags: no risk rule matches, the court's regime
     * does (kz: rule 10 of 15, kg: rule 11 of 15).
     */
    private ClassificationFacts courtOrdered;

    private ClassificationFacts courtOrderedKg;

    /** A man of 45, two years for theft, no court regime, no flags, custody rating LOW: all 15 kz rules are tried. */
    private ClassificationFacts fallThrough;

    @Setup
    public void setUp() {
        kz = SeedSchemes.compiled("kz", "kk");
        kg = SeedSchemes.compiled("kg", "ky");
        courtOrdered = facts(30, 60, 40, "medium_security", "ARMED_ROBBERY", "GRAVE", "MEDIUM");
        courtOrderedKg = facts(30, 60, 40, "general_regime", "ARMED_ROBBERY", "GRAVE", "MODERATE");
        fallThrough = facts(45, 24, 10, null, "THEFT", "MEDIUM", "LOW");
        expect(kz, courtOrdered, "medium_security", 10);
        expect(kg, courtOrderedKg, "general_regime", 11);
        expect(kz, fallThrough, "minimum_security", 15);
        if (engine.violations(kz, courtOrdered, "minimum_security", "medium_security")
                        .size()
                != 2) {
            throw new IllegalStateException("an override below the court's regime should break two constraints");
        }
    }

    @Benchmark
    public RuleEngine.Proposal proposeKzCourtOrdered(Rules tried) {
        RuleEngine.Proposal proposal = engine.propose(kz, courtOrdered);
        tried.rules += proposal.trace().size();
        return proposal;
    }

    @Benchmark
    public RuleEngine.Proposal proposeKzAllRules(Rules tried) {
        RuleEngine.Proposal proposal = engine.propose(kz, fallThrough);
        tried.rules += proposal.trace().size();
        return proposal;
    }

    /** What recording an accepted proposal costs: the proposal, then every constraint on it. */
    @Benchmark
    public List<RuleEngine.Violation> proposeAndCheckKz(Rules tried, Constraints checked) {
        return proposeAndCheck(kz, courtOrdered, tried, checked);
    }

    @Benchmark
    public List<RuleEngine.Violation> proposeAndCheckKg(Rules tried, Constraints checked) {
        return proposeAndCheck(kg, courtOrderedKg, tried, checked);
    }

    /** An override to minimum security, refused by two of the five constraints. */
    @Benchmark
    public List<RuleEngine.Violation> checkRefusedOverrideKz(Constraints checked) {
        List<RuleEngine.Violation> violations =
                engine.violations(kz, courtOrdered, "minimum_security", "medium_security");
        checked.constraints += kz.constraints().size();
        return violations;
    }

    private List<RuleEngine.Violation> proposeAndCheck(
            CompiledScheme scheme, ClassificationFacts facts, Rules tried, Constraints checked) {
        RuleEngine.Proposal proposal = engine.propose(scheme, facts);
        List<RuleEngine.Violation> violations =
                engine.violations(scheme, facts, proposal.category(), proposal.category());
        tried.rules += proposal.trace().size();
        checked.constraints += scheme.constraints().size();
        return violations;
    }

    private static ClassificationFacts facts(
            int age,
            int lengthMonths,
            int remainingMonths,
            String courtRegime,
            String offence,
            String gravity,
            String custodyRating) {
        return new ClassificationFacts(
                new Prisoner(age, "M"),
                new Sentence(lengthMonths, remainingMonths, false, courtRegime),
                List.of(new Offence(offence, gravity)),
                List.of(),
                Map.of(
                        "custody_rating",
                        new AssessmentResults(
                                custodyRating,
                                Map.of("security_risk", custodyRating, "institutional_adjustment", "LOW"),
                                Map.of("security_risk", 50.0, "institutional_adjustment", 10.0, "total", 65.0))));
    }

    /** The benchmark measures what it claims only if the proposal falls where the scenario says. */
    private void expect(CompiledScheme scheme, ClassificationFacts facts, String category, int rulesTried) {
        RuleEngine.Proposal proposal = engine.propose(scheme, facts);
        if (!category.equals(proposal.category())
                || proposal.trace().size() != rulesTried
                || !engine.violations(scheme, facts, category, category).isEmpty()) {
            throw new IllegalStateException("unexpected proposal " + proposal);
        }
    }
}
