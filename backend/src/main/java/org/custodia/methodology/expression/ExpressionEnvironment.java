package org.custodia.methodology.expression;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.HashMap;
import java.util.Map;

/**
 * The declared environments tenants' expressions are checked against: which variables exist, their types, and what
 * the expression must produce. Documented for country administrators in {@code docs/methodology-guide.md}.
 */
public enum ExpressionEnvironment {

    /** Shows an item only when other answers make it relevant. */
    ITEM_CONDITION(SimpleType.BOOL, Map.of("answers", Types.ANSWERS)),

    /** A scale computed from items and other scales. */
    SCALE_FORMULA(
            SimpleType.DOUBLE, Map.of("answers", Types.ANSWERS, "scores", Types.NUMBERS, "scales", Types.NUMBERS)),

    /** The overall rating: the code of one of the tenant's risk levels. */
    OVERALL_FORMULA(SimpleType.STRING, Map.of("scales", Types.NUMBERS, "levels", Types.TEXTS)),

    /** A classification rule's condition over what is known of a prisoner. */
    CLASSIFICATION_RULE(SimpleType.BOOL, Types.facts(Map.of())),

    /** A legal constraint: true when a decision for {@code category} is allowed. */
    CLASSIFICATION_CONSTRAINT(SimpleType.BOOL, Types.facts(Map.of("category", Types.RECORD, "proposed", Types.RECORD))),

    /** Whether a rehabilitation programme is open to a prisoner. */
    PROGRAMME_ELIGIBILITY(SimpleType.BOOL, Types.facts(Map.of()));

    private final CelType resultType;
    private final Map<String, CelType> variables;

    ExpressionEnvironment(CelType resultType, Map<String, CelType> variables) {
        this.resultType = resultType;
        this.variables = variables;
    }

    CelType resultType() {
        return resultType;
    }

    Map<String, CelType> variables() {
        return variables;
    }

    private static final class Types {
        static final CelType ANSWERS = MapType.create(SimpleType.STRING, SimpleType.DYN);
        static final CelType NUMBERS = MapType.create(SimpleType.STRING, SimpleType.DOUBLE);
        static final CelType TEXTS = MapType.create(SimpleType.STRING, SimpleType.STRING);
        static final CelType RECORD = MapType.create(SimpleType.STRING, SimpleType.DYN);

        /** prisoner, sentence, offences, flags and assessments: see ClassificationFacts. */
        static Map<String, CelType> facts(Map<String, CelType> more) {
            Map<String, CelType> variables = new HashMap<>(more);
            variables.put("prisoner", RECORD);
            variables.put("sentence", RECORD);
            variables.put("offences", ListType.create(RECORD));
            variables.put("flags", ListType.create(SimpleType.STRING));
            variables.put("assessments", MapType.create(SimpleType.STRING, RECORD));
            return Map.copyOf(variables);
        }
    }
}
