package org.custodia.assessment;

import java.util.UUID;
import org.custodia.methodology.instrument.InstrumentService;
import org.custodia.shared.error.ConflictException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The criminogenic needs approved assessments found, for sentence plans and programme referrals: the scales and items
 * their instrument marks {@code need: true} that scored above zero. Runs in the caller's transaction and audits
 * nothing: the caller audits its own step.
 */
@Component
public class AssessmentNeeds {

    private final AssessmentStore store;
    private final InstrumentService instruments;

    AssessmentNeeds(AssessmentStore store, InstrumentService instruments) {
        this.store = store;
        this.instruments = instruments;
    }

    /** The needs one assessment found; 404 when the country has no such assessment, 409 when it is not APPROVED. */
    public Flux<AssessedNeed> of(UUID assessmentId) {
        return store.find(assessmentId)
                .flatMapMany(assessment -> assessment.status() == AssessmentStatus.APPROVED
                        ? needs(assessment)
                        : Flux.error(new ConflictException("Only an approved assessment's needs count; this one is "
                                + assessment.status() + ".")));
    }

    /**
     * What the prisoner needs now: the needs found by the latest APPROVED assessment of each instrument they were
     * assessed with, the most recently approved assessment first (nothing for an unknown prisoner).
     */
    public Flux<AssessedNeed> ofPrisoner(UUID prisonerId) {
        return store.latestApproved(prisonerId).concatMap(this::needs);
    }

    private Flux<AssessedNeed> needs(Assessment assessment) {
        return instruments
                .needsFound(assessment.instrumentVersionId(), assessment.result())
                .map(need -> new AssessedNeed(need.code(), need.score(), assessment.id()));
    }
}
