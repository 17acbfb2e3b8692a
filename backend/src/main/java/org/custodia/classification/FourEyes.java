package org.custodia.classification;

import java.util.Optional;
import org.custodia.security.Caller;
import org.custodia.shared.error.ForbiddenException;

/**
 * Who may act on a decision. Its author carries it to submission (or withdraws it); a supervisor who is not the author
 * decides it. Being a supervisor never lets anyone decide their own proposal: that is the point of a second person.
 */
final class FourEyes {

    private static final String OWN_PROPOSAL = "You proposed this classification: another supervisor must decide it.";

    private FourEyes() {}

    /**
     * Why the caller, a supervisor, may not approve or reject the decision; empty when they may. (The role itself is
     * checked where the endpoint declares it.)
     */
    static Optional<String> whyMayNotDecide(DecisionEntity decision, Caller caller) {
        return isAuthor(decision, caller) ? Optional.of(OWN_PROPOSAL) : Optional.empty();
    }

    static void requireMayDecide(DecisionEntity decision, Caller caller) {
        whyMayNotDecide(decision, caller).ifPresent(why -> {
            throw new ForbiddenException(why);
        });
    }

    /** Only the author accepts, overrides or withdraws a proposal. */
    static void requireAuthor(DecisionEntity decision, Caller caller) {
        if (!isAuthor(decision, caller)) {
            throw new ForbiddenException("Only the author of the proposal (" + decision.proposedByName()
                    + ") accepts, overrides or withdraws it.");
        }
    }

    private static boolean isAuthor(DecisionEntity decision, Caller caller) {
        return decision.proposedBy().equals(caller.subject());
    }
}
