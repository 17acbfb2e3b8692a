package org.custodia.methodology.instrument;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.methodology.expression.CompiledExpression;

/**
 * A definition that passed validation, with its expressions compiled and its formula scales in an order where every
 * scale comes after the scales it uses. Immutable; cached per published version.
 */
record CompiledInstrument(
        InstrumentDefinition definition,
        Map<String, InstrumentDefinition.Item> items,
        Map<String, CompiledExpression> conditions,
        List<String> conditionOrder,
        Map<String, CompiledExpression> scaleFormulas,
        List<InstrumentDefinition.Scale> scalesInOrder,
        CompiledExpression overallFormula,
        Set<String> riskLevels) {}
