package org.custodia.methodology.expression;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Compiles tenants' expressions in Google's Common Expression Language. CEL has no loops beyond bounded
 * comprehensions, no I/O and no clock, and only sees the variables given to it; what it lacks is a runtime cost
 * limit, so the size, depth and iterations of an expression are bounded here instead. A compiled expression is
 * cached by the caller; compiling is far slower than evaluating.
 */
@Component
public final class Expressions {

    /** Longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 2_000;

    private static final CelOptions LIMITS = CelOptions.current()
            .maxExpressionCodePointSize(MAX_LENGTH)
            .maxParseExpressionNodeCount(400)
            .maxParseRecursionDepth(32)
            .comprehensionMaxIterations(1_000)
            .maxRegexProgramSize(200)
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private final Map<ExpressionEnvironment, Cel> environments = new EnumMap<>(ExpressionEnvironment.class);

    public Expressions() {
        for (ExpressionEnvironment environment : ExpressionEnvironment.values()) {
            CelBuilder builder = CelFactory.standardCelBuilder()
                    .setOptions(LIMITS)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .setResultType(environment.resultType());
            environment.variables().forEach(builder::addVar);
            environments.put(environment, builder.build());
        }
    }

    public CompiledExpression compile(ExpressionEnvironment environment, String source)
            throws InvalidExpressionException {
        if (source == null || source.isBlank()) {
            throw new InvalidExpressionException(List.of(new ExpressionIssue(0, 0, "must not be blank")));
        }
        Cel cel = environments.get(environment);
        try {
            CelAbstractSyntaxTree ast = cel.compile(source).getAst();
            return new CompiledExpression(
                    source,
                    cel.createProgram(ast),
                    references(ast, environment.variables().keySet()),
                    literals(ast));
        } catch (CelValidationException e) {
            throw new InvalidExpressionException(
                    e.getErrors().stream().map(Expressions::issue).toList());
        } catch (CelEvaluationException e) {
            throw new InvalidExpressionException(List.of(new ExpressionIssue(0, 0, e.getMessage())));
        }
    }

    private static ExpressionIssue issue(CelIssue issue) {
        CelSourceLocation location = issue.getSourceLocation();
        // CEL reports 1-based lines and 0-based columns; people count columns from 1.
        boolean known = location != null && !location.equals(CelSourceLocation.NONE);
        return new ExpressionIssue(
                known ? location.getLine() : 0, known ? location.getColumn() + 1 : 0, issue.getMessage());
    }

    /**
     * The string literals of an expression that was checked when it was saved, read without checking it again (the
     * environment may have grown since): e.g. the risk level codes a published overall formula names, or the ones a
     * published classification rule compares an assessed level with ({@link CompiledExpression.Literal#level()}).
     */
    public List<CompiledExpression.Literal> literals(String source) throws InvalidExpressionException {
        try {
            return literals(environments
                    .get(ExpressionEnvironment.OVERALL_FORMULA)
                    .parse(source)
                    .getAst());
        } catch (CelValidationException e) {
            throw new InvalidExpressionException(
                    e.getErrors().stream().map(Expressions::issue).toList());
        }
    }

    private static List<CompiledExpression.Reference> references(CelAbstractSyntaxTree ast, Set<String> variables) {
        List<CompiledExpression.Reference> references = new ArrayList<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr expr = node.expr();
            referencedKey(expr, variables).ifPresent(reference -> {
                int[] at = position(ast, expr);
                references.add(new CompiledExpression.Reference(reference[0], reference[1], at[0], at[1]));
            });
        });
        return references;
    }

    private static List<CompiledExpression.Literal> literals(CelAbstractSyntaxTree ast) {
        Set<Long> results = new HashSet<>();
        resultNodes(ast.getExpr(), results);
        Set<Long> levels = new HashSet<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> comparedWithLevel(node.expr(), levels));
        List<CompiledExpression.Literal> literals = new ArrayList<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr expr = node.expr();
            if (isString(expr)) {
                int[] at = position(ast, expr);
                literals.add(new CompiledExpression.Literal(
                        expr.constant().stringValue(),
                        results.contains(expr.id()),
                        levels.contains(expr.id()),
                        at[0],
                        at[1]));
            }
        });
        return literals;
    }

    private static boolean isString(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE;
    }

    /**
     * The string literals {@code call} compares with an assessed risk level: either side of {@code ==} or {@code !=}
     * when the other side is one, and the elements of the list in {@code level in ['HIGH', 'VERY_HIGH']}.
     */
    private static void comparedWithLevel(CelExpr call, Set<Long> ids) {
        if (call.getKind() != CelExpr.ExprKind.Kind.CALL || call.call().args().size() != 2) {
            return;
        }
        String function = call.call().function();
        CelExpr left = call.call().args().get(0);
        CelExpr right = call.call().args().get(1);
        if (function.equals(Operator.EQUALS.getFunction()) || function.equals(Operator.NOT_EQUALS.getFunction())) {
            if (readsAssessedLevel(left) && isString(right)) {
                ids.add(right.id());
            }
            if (readsAssessedLevel(right) && isString(left)) {
                ids.add(left.id());
            }
        } else if (function.equals(Operator.IN.getFunction())
                && readsAssessedLevel(left)
                && right.getKind() == CelExpr.ExprKind.Kind.LIST) {
            right.list().elements().stream().filter(Expressions::isString).forEach(e -> ids.add(e.id()));
        }
    }

    /** {@code assessments.x.overall}, {@code assessments.x.levels.y} or {@code assessments.x.levels[k]}. */
    private static boolean readsAssessedLevel(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT && !expr.select().testOnly()) {
            CelExpr operand = expr.select().operand();
            return (expr.select().field().equals("overall") && isAssessment(operand)) || isLevels(operand);
        }
        return expr.getKind() == CelExpr.ExprKind.Kind.CALL
                && expr.call().function().equals(Operator.INDEX.getFunction())
                && isLevels(expr.call().args().get(0));
    }

    /** {@code assessments.x.levels}. */
    private static boolean isLevels(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.SELECT
                && expr.select().field().equals("levels")
                && isAssessment(expr.select().operand());
    }

    /** {@code assessments.x} or {@code assessments['x']}. */
    private static boolean isAssessment(CelExpr expr) {
        CelExpr operand;
        if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            operand = expr.select().operand();
        } else if (expr.getKind() == CelExpr.ExprKind.Kind.CALL
                && expr.call().function().equals(Operator.INDEX.getFunction())) {
            operand = expr.call().args().get(0);
        } else {
            return false;
        }
        return operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                && operand.ident().name().equals("assessments");
    }

    /** The expression and, through conditionals ({@code c ? x : y}), each branch: what its value can be. */
    private static void resultNodes(CelExpr expr, Set<Long> ids) {
        ids.add(expr.id());
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL
                && expr.call().function().equals(Operator.CONDITIONAL.getFunction())) {
            resultNodes(expr.call().args().get(1), ids);
            resultNodes(expr.call().args().get(2), ids);
        }
    }

    /** 1-based line and column of a node, or zeros when the parser recorded none. */
    private static int[] position(CelAbstractSyntaxTree ast, CelExpr expr) {
        CelSource source = ast.getSource();
        CelSourceLocation at = Optional.ofNullable(source.getPositionsMap().get(expr.id()))
                .flatMap(source::getOffsetLocation)
                .orElse(CelSourceLocation.NONE);
        return at.equals(CelSourceLocation.NONE) ? new int[] {0, 0} : new int[] {at.getLine(), at.getColumn() + 1};
    }

    /** {@code [variable, key]} when the node is {@code variable.key}, {@code has(variable.key)} or {@code variable['key']}. */
    private static Optional<String[]> referencedKey(CelExpr expr, Set<String> variables) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            CelExpr operand = expr.select().operand();
            if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && variables.contains(operand.ident().name())) {
                return Optional.of(
                        new String[] {operand.ident().name(), expr.select().field()});
            }
        }
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL
                && expr.call().function().equals("_[_]")
                && expr.call().args().size() == 2) {
            CelExpr operand = expr.call().args().get(0);
            CelExpr key = expr.call().args().get(1);
            if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && variables.contains(operand.ident().name())
                    && key.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                return Optional.of(
                        new String[] {operand.ident().name(), key.constant().stringValue()});
            }
        }
        return Optional.empty();
    }
}
