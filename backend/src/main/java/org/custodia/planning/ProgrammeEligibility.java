package org.custodia.planning;

import java.util.Map;
import org.custodia.methodology.catalogue.Programme;
import org.custodia.methodology.expression.ExpressionEnvironment;
import org.custodia.methodology.expression.ExpressionFailedException;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.expression.InvalidExpressionException;
import org.springframework.stereotype.Component;

/**
 * Whether a programme is open to a prisoner: its eligibility expression over the prisoner's facts, with the same
 * variables classification rules see. An expression that fails, like a rule that fails, does not hold.
 */
@Component
class ProgrammeEligibility {

    /** @param error why the expression could not be evaluated, else null */
    record Verdict(boolean eligible, String error) {}

    private final Expressions expressions;

    ProgrammeEligibility(Expressions expressions) {
        this.expressions = expressions;
    }

    Verdict of(Programme programme, Map<String, Object> facts) {
        if (programme.eligibility() == null) {
            return new Verdict(true, null);
        }
        try {
            Object result = expressions
                    .compile(ExpressionEnvironment.PROGRAMME_ELIGIBILITY, programme.eligibility())
                    .evaluate(facts);
            return new Verdict(Boolean.TRUE.equals(result), null);
        } catch (InvalidExpressionException | ExpressionFailedException e) {
            return new Verdict(false, e.getMessage());
        }
    }
}
