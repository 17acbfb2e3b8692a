package org.custodia.methodology.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.methodology.VersionStatus;
import org.custodia.methodology.instrument.InstrumentDefinition.OverallMode;
import org.custodia.shared.error.FieldError;

/**
 * One version of an instrument, compiled and ready to check and score answers: what features outside methodology
 * (assessments) use instead of the package's internals. Obtained from {@link InstrumentService#scoringVersion}, which
 * keeps compiled versions cached; the dry run uses the same checks and scoring.
 */
public final class ScoringVersion {

    private final UUID id;
    private final String instrumentCode;
    private final VersionStatus status;
    private final CompiledInstrument compiled;
    private final Scorer scorer;

    ScoringVersion(UUID id, String instrumentCode, VersionStatus status, CompiledInstrument compiled, Scorer scorer) {
        this.id = id;
        this.instrumentCode = instrumentCode;
        this.status = status;
        this.compiled = compiled;
        this.scorer = scorer;
    }

    public UUID id() {
        return id;
    }

    public String instrumentCode() {
        return instrumentCode;
    }

    public VersionStatus status() {
        return status;
    }

    /** How the overall rating is reached; only JUDGEMENT and BOTH take a rater's judgement. */
    public OverallMode overallMode() {
        return compiled.definition().overall().mode();
    }

    public boolean hasItem(String code) {
        return compiled.items().containsKey(code);
    }

    /**
     * What does not fit the instrument: each answer naming no item or of the wrong shape ({@code answers.<code>}),
     * and a judged level that is not one of the country's risk levels ({@code judgement.level}). Empty when all fit.
     */
    public List<FieldError> check(Map<String, Object> answers, Judgement judgement) {
        List<FieldError> errors = new ArrayList<>(AnswerValidator.validate(compiled, answers));
        if (judgement != null
                && judgement.level() != null
                && !compiled.riskLevels().contains(judgement.level())) {
            errors.add(new FieldError("judgement.level", "is not one of this country's risk levels"));
        }
        return errors;
    }

    /** Scores answers that passed {@link #check}. */
    public ScoringResult score(Map<String, Object> answers, Judgement judgement) {
        return scorer.score(compiled, answers, judgement);
    }
}
