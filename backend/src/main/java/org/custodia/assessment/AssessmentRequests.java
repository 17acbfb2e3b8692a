package org.custodia.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.custodia.methodology.instrument.Judgement;

/** Request bodies of the assessment endpoints. None carries an id the server owns, nor a tenant, nor a person. */
final class AssessmentRequests {

    static final int MAX_TEXT = 10_000;

    private AssessmentRequests() {}

    record StartAssessment(
            @NotNull UUID prisonerId, @NotNull UUID instrumentVersionId) {}

    /**
     * Answers given since the last save, merged into those saved (JSON merge patch: {@code null} clears an answer;
     * items left out keep theirs), and optionally the rater's judgement, which replaces the saved one ({@code {}} or
     * both fields null clears it).
     *
     * @param version the version last read
     */
    record AnswerAssessment(@NotNull @PositiveOrZero Long version, Map<String, Object> answers, Judgement judgement) {}

    /** @param version the version last read: what the submitter saw is what is scored */
    record SubmitAssessment(@NotNull @PositiveOrZero Long version) {}

    record ApproveAssessment(
            @NotNull @PositiveOrZero Long version,
            @Size(max = MAX_TEXT) String comment) {}

    record ReturnAssessment(
            @NotNull @PositiveOrZero Long version,
            @NotBlank @Size(max = MAX_TEXT) String comment) {}
}
