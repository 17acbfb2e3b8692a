package org.custodia.methodology.scheme;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published version of the classification scheme, compiled: what the classification cycle proposes with and checks
 * its decisions against. The logic stays in {@link RuleEngine}; this is its face for other features.
 */
public final class PublishedScheme {

    private static final RuleEngine ENGINE = new RuleEngine();

    private final UUID versionId;
    private final int number;
    private final CompiledScheme scheme;

    PublishedScheme(UUID versionId, int number, CompiledScheme scheme) {
        this.versionId = versionId;
        this.number = number;
        this.scheme = scheme;
    }

    public UUID versionId() {
        return versionId;
    }

    public int number() {
        return number;
    }

    public Optional<SchemeDefinition.Category> category(String code) {
        return Optional.ofNullable(code).map(scheme.categories()::get);
    }

    /** What the rules propose for the facts, with the trace of every rule tried; no category when none matched. */
    public RuleEngine.Proposal propose(ClassificationFacts facts) {
        return ENGINE.propose(scheme, facts);
    }

    /** The legal constraints a decision for {@code category} breaks, knowing what the rules proposed. */
    public List<RuleEngine.Violation> violations(ClassificationFacts facts, String category, String proposedCategory) {
        return ENGINE.violations(scheme, facts, category, proposedCategory);
    }
}
