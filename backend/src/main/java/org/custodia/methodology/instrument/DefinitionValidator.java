package org.custodia.methodology.instrument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.custodia.methodology.DefinitionErrors;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.expression.ExpressionEnvironment;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.instrument.InstrumentDefinition.Band;
import org.custodia.methodology.instrument.InstrumentDefinition.Item;
import org.custodia.methodology.instrument.InstrumentDefinition.ItemType;
import org.custodia.methodology.instrument.InstrumentDefinition.OverallMode;
import org.custodia.methodology.instrument.InstrumentDefinition.Scale;
import org.custodia.methodology.instrument.InstrumentDefinition.ScaleMethod;
import org.custodia.methodology.instrument.InstrumentDefinition.Section;
import org.custodia.shared.error.FieldError;

/**
 * Checks a whole definition and compiles it. Every problem is reported with the JSON path of the offending value (and,
 * for expressions, the position inside it), so a country administrator can fix them all in one pass.
 */
final class DefinitionValidator {

    private final Expressions expressions;

    DefinitionValidator(Expressions expressions) {
        this.expressions = expressions;
    }

    /** The outcome: either errors, or the compiled instrument. */
    record Result(List<FieldError> errors, CompiledInstrument compiled) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Result validate(InstrumentDefinition definition, Collection<String> riskLevels, String defaultLanguage) {
        return new Run(definition, Set.copyOf(riskLevels), defaultLanguage).validate();
    }

    private final class Run {
        private final InstrumentDefinition definition;
        private final Set<String> riskLevels;
        private final String language;
        private final DefinitionErrors errors;
        private final Map<String, Item> items = new LinkedHashMap<>();
        private final Map<String, CompiledExpression> conditions = new HashMap<>();
        private final List<String> conditionOrder = new ArrayList<>();
        private final Map<String, CompiledExpression> formulas = new HashMap<>();
        private CompiledExpression overall;

        Run(InstrumentDefinition definition, Set<String> riskLevels, String language) {
            this.definition = definition;
            this.riskLevels = riskLevels;
            this.language = language;
            this.errors = new DefinitionErrors(expressions, language);
        }

        Result validate() {
            if (definition.sections().isEmpty()) {
                error("definition.sections", "must contain at least one section");
            }
            Set<String> sectionCodes = new HashSet<>();
            for (int s = 0; s < definition.sections().size(); s++) {
                Section section = definition.sections().get(s);
                String path = "definition.sections[" + s + "]";
                if (code(path, section.code(), sectionCodes)) {
                    sectionCodes.add(section.code());
                }
                names(path + ".title", section.title());
                if (section.items().isEmpty()) {
                    error(path + ".items", "must contain at least one item");
                }
                for (int i = 0; i < section.items().size(); i++) {
                    item(path + ".items[" + i + "]", section.items().get(i));
                }
            }
            itemConditions();
            Map<String, Integer> scaleIndex = scales();
            List<Scale> ordered = formulaOrder(scaleIndex);
            overall(scaleIndex.keySet());
            return errors.isEmpty()
                    ? new Result(
                            List.of(),
                            new CompiledInstrument(
                                    definition,
                                    Collections.unmodifiableMap(items),
                                    conditions,
                                    conditionOrder,
                                    formulas,
                                    ordered,
                                    overall,
                                    riskLevels))
                    : new Result(errors.list(), null);
        }

        private void item(String path, Item item) {
            if (code(path, item.code(), items.keySet())) {
                items.put(item.code(), item);
            }
            names(path + ".label", item.label());
            if (item.type() == null) {
                error(path + ".type", "is required: one of SINGLE_CHOICE, MULTI_CHOICE, YES_NO, NUMBER, DATE, TEXT");
                return;
            }
            switch (item.type()) {
                case SINGLE_CHOICE, MULTI_CHOICE -> {
                    if (item.options().size() < 2) {
                        error(path + ".options", "needs at least two options");
                    }
                    Set<String> optionCodes = new HashSet<>();
                    for (int o = 0; o < item.options().size(); o++) {
                        if (code(
                                path + ".options[" + o + "]",
                                item.options().get(o).code(),
                                optionCodes)) {
                            optionCodes.add(item.options().get(o).code());
                        }
                        names(
                                path + ".options[" + o + "].label",
                                item.options().get(o).label());
                    }
                }
                case NUMBER ->
                    ranges(
                            path + ".scoreBands",
                            item.scoreBands().stream()
                                    .map(b -> new double[] {lower(b.from()), upper(b.to())})
                                    .toList());
                default -> {
                    if (!item.options().isEmpty() || !item.scoreBands().isEmpty()) {
                        error(path, "only choice items have options and only number items have score bands");
                    }
                }
            }
        }

        private void itemConditions() {
            Map<String, List<String>> dependsOn = new HashMap<>();
            forEachItem((path, item) -> {
                if (item.condition() == null) {
                    return;
                }
                CompiledExpression condition =
                        compile(path + ".condition", ExpressionEnvironment.ITEM_CONDITION, item.condition());
                if (condition == null) {
                    return;
                }
                knownKeys(path + ".condition", condition, "answers", items.keySet());
                if (condition.keysOf("answers").contains(item.code())) {
                    error(path + ".condition", "an item cannot depend on its own answer");
                }
                conditions.put(item.code(), condition);
                dependsOn.put(item.code(), condition.keysOf("answers"));
            });
            findCycle(dependsOn)
                    .ifPresentOrElse(
                            cycle -> error(
                                    "definition.sections",
                                    "item conditions depend on each other in a cycle: " + String.join(" -> ", cycle)),
                            () -> items.keySet().forEach(code -> visit(code, dependsOn, conditionOrder)));
        }

        private Map<String, Integer> scales() {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int s = 0; s < definition.scales().size(); s++) {
                Scale scale = definition.scales().get(s);
                String path = "definition.scales[" + s + "]";
                if (code(path, scale.code(), index.keySet())) {
                    index.put(scale.code(), s);
                }
                names(path + ".name", scale.name());
                bands(path + ".bands", scale.bands());
            }
            for (int s = 0; s < definition.scales().size(); s++) {
                Scale scale = definition.scales().get(s);
                String path = "definition.scales[" + s + "]";
                if (scale.method() == null) {
                    error(path + ".method", "is required: SUM or FORMULA");
                } else if (scale.method() == ScaleMethod.SUM) {
                    sumScale(path, scale);
                } else {
                    formulaScale(path, scale, index.keySet());
                }
            }
            return index;
        }

        private void sumScale(String path, Scale scale) {
            if (scale.items().isEmpty()) {
                error(path + ".items", "a SUM scale needs at least one item");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < scale.items().size(); i++) {
                String code = scale.items().get(i);
                Item item = items.get(code);
                if (item == null) {
                    error(path + ".items[" + i + "]", "no item has the code '" + code + "'");
                } else if (item.type() != null && !item.type().scored()) {
                    error(path + ".items[" + i + "]", "item '" + code + "' is a " + item.type() + " and has no score");
                } else if (item.type() == ItemType.NUMBER && item.scoreBands().isEmpty()) {
                    error(path + ".items[" + i + "]", "number item '" + code + "' needs score bands to be summed");
                }
                if (!seen.add(code)) {
                    error(path + ".items[" + i + "]", "item '" + code + "' is listed twice");
                }
            }
            if (scale.missing().maxMissing() < 0
                    || scale.missing().maxMissing() > scale.items().size()) {
                error(path + ".missing.maxMissing", "must be between 0 and the number of items");
            }
            if (scale.missing().policy() == null) {
                error(path + ".missing.policy", "is required: NOT_SCORABLE or PRORATE");
            }
        }

        private void formulaScale(String path, Scale scale, Set<String> scaleCodes) {
            if (!scale.items().isEmpty()) {
                error(path + ".items", "a FORMULA scale names what it uses in its formula, not in items");
            }
            // A formula is not scorable as soon as a scale it uses is not: a rule allowing missing data would be
            // ignored, so only the default (which says just that) is accepted, as every stored definition carries it.
            if (!scale.missing().equals(InstrumentDefinition.Missing.NONE_ALLOWED)) {
                error(
                        path + ".missing",
                        "a FORMULA scale takes no missing-data rule: it is not scorable when a scale it uses is not;"
                                + " set the rule on those SUM scales");
            }
            CompiledExpression formula =
                    compile(path + ".formula", ExpressionEnvironment.SCALE_FORMULA, scale.formula());
            if (formula == null) {
                return;
            }
            knownKeys(path + ".formula", formula, "answers", items.keySet());
            knownKeys(path + ".formula", formula, "scores", items.keySet());
            knownKeys(path + ".formula", formula, "scales", scaleCodes);
            formulas.put(scale.code(), formula);
        }

        private List<Scale> formulaOrder(Map<String, Integer> index) {
            Map<String, List<String>> dependsOn = new LinkedHashMap<>();
            formulas.forEach((code, formula) -> dependsOn.put(code, formula.keysOf("scales")));
            var cycle = findCycle(dependsOn);
            if (cycle.isPresent()) {
                error(
                        "definition.scales[" + index.get(cycle.get().get(0)) + "].formula",
                        "formulas depend on each other in a cycle: " + String.join(" -> ", cycle.get()));
                return List.of();
            }
            List<String> order = new ArrayList<>();
            index.keySet().forEach(code -> visit(code, dependsOn, order));
            return order.stream()
                    .filter(index::containsKey)
                    .map(code -> definition.scales().get(index.get(code)))
                    .toList();
        }

        private void visit(String code, Map<String, List<String>> dependsOn, List<String> order) {
            if (order.contains(code)) {
                return;
            }
            dependsOn.getOrDefault(code, List.of()).forEach(dependency -> visit(dependency, dependsOn, order));
            order.add(code);
        }

        private void overall(Set<String> scaleCodes) {
            InstrumentDefinition.Overall rating = definition.overall();
            if (rating == null || rating.mode() == null) {
                error("definition.overall.mode", "is required: FORMULA, JUDGEMENT or BOTH");
                return;
            }
            if (rating.mode() == OverallMode.JUDGEMENT) {
                if (rating.formula() != null) {
                    error("definition.overall.formula", "a JUDGEMENT rating has no formula");
                }
                return;
            }
            overall = compile("definition.overall.formula", ExpressionEnvironment.OVERALL_FORMULA, rating.formula());
            if (overall != null) {
                knownKeys("definition.overall.formula", overall, "scales", scaleCodes);
                knownKeys("definition.overall.formula", overall, "levels", scaleCodes);
                overallLiterals(overall, scaleCodes);
            }
        }

        /**
         * The overall formula deals in nothing but risk level codes and, as keys of {@code levels} and {@code
         * scales}, scale codes; a string that is neither is a slip ({@code 'HIHG'}) that the type checker cannot see
         * and that would silently leave ratings incomplete or rules unmatched. What the formula can return must be a
         * level.
         */
        private void overallLiterals(CompiledExpression formula, Set<String> scaleCodes) {
            for (CompiledExpression.Literal literal : formula.literals()) {
                String value = literal.value();
                if (riskLevels.contains(value)) {
                    continue;
                }
                if (literal.result() || !scaleCodes.contains(value)) {
                    errors.add(
                            "definition.overall.formula",
                            literal.result()
                                    ? "'" + value + "' is not one of this country's risk levels " + levelList()
                                    : "'" + value + "' is neither one of this country's risk levels " + levelList()
                                            + " nor a scale of this instrument",
                            literal.line(),
                            literal.column());
                }
            }
        }

        private List<String> levelList() {
            return riskLevels.stream().sorted().toList();
        }

        private void bands(String path, List<Band> bands) {
            ranges(
                    path,
                    bands.stream()
                            .map(b -> new double[] {lower(b.from()), upper(b.to())})
                            .toList());
            for (int b = 0; b < bands.size(); b++) {
                String level = bands.get(b).level();
                if (level == null || !riskLevels.contains(level)) {
                    error(
                            path + "[" + b + "].level",
                            "'" + level + "' is not one of this country's risk levels " + levelList());
                }
            }
        }

        /** Ranges [from, to) must be non-empty, in ascending order, without gaps or overlaps. */
        private void ranges(String path, List<double[]> ranges) {
            for (int r = 0; r < ranges.size(); r++) {
                if (!(ranges.get(r)[0] < ranges.get(r)[1])) {
                    error(path + "[" + r + "]", "'from' must be below 'to'");
                }
                if (r > 0 && ranges.get(r)[0] != ranges.get(r - 1)[1]) {
                    error(
                            path + "[" + r + "].from",
                            ranges.get(r)[0] < ranges.get(r - 1)[1]
                                    ? "overlaps the previous band"
                                    : "leaves a gap after the previous band");
                }
            }
        }

        private CompiledExpression compile(String path, ExpressionEnvironment environment, String source) {
            return errors.expression(path, environment, source);
        }

        private void knownKeys(String path, CompiledExpression expression, String variable, Set<String> known) {
            expression.references().stream()
                    .filter(reference -> reference.variable().equals(variable) && !known.contains(reference.key()))
                    .forEach(reference -> errors.add(
                            path,
                            variable + "." + reference.key() + " does not exist in this instrument",
                            reference.line(),
                            reference.column()));
        }

        private boolean code(String path, String code, Set<String> taken) {
            return errors.code(path, code, taken);
        }

        private void names(String path, Map<String, String> names) {
            errors.text(path, names);
        }

        private void forEachItem(BiConsumer<String, Item> action) {
            for (int s = 0; s < definition.sections().size(); s++) {
                List<Item> sectionItems = definition.sections().get(s).items();
                for (int i = 0; i < sectionItems.size(); i++) {
                    action.accept("definition.sections[" + s + "].items[" + i + "]", sectionItems.get(i));
                }
            }
        }

        private void error(String path, String message) {
            errors.add(path, message);
        }
    }

    private static double lower(Double from) {
        return from == null ? Double.NEGATIVE_INFINITY : from;
    }

    private static double upper(Double to) {
        return to == null ? Double.POSITIVE_INFINITY : to;
    }

    /** A dependency cycle, as the list of codes walked around it, if there is one. */
    static Optional<List<String>> findCycle(Map<String, List<String>> dependsOn) {
        Set<String> done = new HashSet<>();
        for (String start : dependsOn.keySet()) {
            LinkedHashSet<String> path = new LinkedHashSet<>();
            List<String> cycle = walk(start, dependsOn, path, done);
            if (cycle != null) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    private static List<String> walk(
            String node, Map<String, List<String>> dependsOn, LinkedHashSet<String> path, Set<String> done) {
        if (path.contains(node)) {
            List<String> cycle = new ArrayList<>(path);
            cycle = cycle.subList(cycle.indexOf(node), cycle.size());
            cycle.add(node);
            return cycle;
        }
        if (!done.add(node)) {
            return null;
        }
        path.add(node);
        for (String next : dependsOn.getOrDefault(node, List.of())) {
            List<String> cycle = walk(next, dependsOn, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(node);
        return null;
    }
}
