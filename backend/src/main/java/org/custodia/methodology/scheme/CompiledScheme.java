package org.custodia.methodology.scheme;

import java.util.List;
import java.util.Map;
import org.custodia.methodology.expression.CompiledExpression;

/** A scheme that passed validation, with its rules and constraints compiled, in order. */
record CompiledScheme(
        SchemeDefinition definition,
        Map<String, SchemeDefinition.Category> categories,
        List<CompiledExpression> rules,
        List<CompiledExpression> constraints) {}
