package org.custodia.classification;

import java.util.List;
import java.util.UUID;
import org.custodia.classification.ClassificationViews.CategoryOverride;
import org.custodia.classification.ClassificationViews.DecisionView;
import org.custodia.facility.Facility;
import org.custodia.facility.FacilityService;
import org.custodia.methodology.scheme.ClassificationFacts;
import org.custodia.methodology.scheme.RuleEngine;
import org.custodia.prisoner.Prisoner;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.security.Actor;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.persistence.JsonDocuments;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Finds decisions and shows them with what explains them. Runs in the caller's transaction; audits nothing. */
@Component
class DecisionViewer {

    private static final TypeReference<List<RuleEngine.RuleOutcome>> TRACE = new TypeReference<>() {};

    private final DecisionRepository decisions;
    private final PrisonerRegister prisoners;
    private final FacilityService facilities;
    private final JsonDocuments json;

    DecisionViewer(
            DecisionRepository decisions, PrisonerRegister prisoners, FacilityService facilities, JsonDocuments json) {
        this.decisions = decisions;
        this.prisoners = prisoners;
        this.facilities = facilities;
        this.json = json;
    }

    /** The decision; 404 when this country has none with this id. */
    Mono<DecisionEntity> find(UUID id) {
        return decisions
                .findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such classification decision.")));
    }

    /** The prisoner's current facility, which tells whether a decision's category needs a transfer. */
    Mono<Facility> facilityOf(Prisoner prisoner) {
        return facilities.find(prisoner.facilityId());
    }

    Mono<Facility> facilityOf(DecisionEntity decision) {
        return prisoners.find(decision.prisonerId()).flatMap(this::facilityOf);
    }

    Mono<DecisionView> view(DecisionEntity decision) {
        return facilityOf(decision).map(facility -> view(decision, facility));
    }

    DecisionView view(DecisionEntity decision, Facility facility) {
        List<RuleEngine.RuleOutcome> trace = json.read(decision.trace(), TRACE);
        return new DecisionView(
                decision.id(),
                decision.prisonerId(),
                decision.schemeVersionId(),
                decision.statusValue(),
                facts(decision),
                trace,
                decision.proposedCategory(),
                trace.stream()
                        .filter(RuleEngine.RuleOutcome::matched)
                        .map(RuleEngine.RuleOutcome::rule)
                        .findFirst()
                        .orElse(null),
                decision.category(),
                decision.overrideReason() == null
                        ? null
                        : new CategoryOverride(
                                OverrideReason.valueOf(decision.overrideReason()), decision.overrideNarrative()),
                new Actor(decision.proposedBy(), decision.proposedByName()),
                decision.proposedAt(),
                decision.submittedAt(),
                decision.decidedBy() == null ? null : new Actor(decision.decidedBy(), decision.decidedByName()),
                decision.decidedAt(),
                decision.decisionComment(),
                decision.effectiveOn(),
                decision.nextReviewOn(),
                transferNeeded(decision, facility),
                decision.version(),
                decision.updatedAt());
    }

    ClassificationFacts facts(DecisionEntity decision) {
        return json.read(decision.facts(), ClassificationFacts.class);
    }

    /** The category submitted, or the proposal until then, is one the prisoner's current facility may not hold. */
    static boolean transferNeeded(DecisionEntity decision, Facility facility) {
        return !facility.mayHold(decision.category() == null ? decision.proposedCategory() : decision.category());
    }
}
