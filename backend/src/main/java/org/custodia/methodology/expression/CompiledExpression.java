package org.custodia.methodology.expression;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Map;

/**
 * A type-checked expression ready to evaluate, with the map keys it refers to ({@code scales.total} refers to key
 * {@code total} of variable {@code scales}), so a definition can check that they exist and find cycles.
 */
public final class CompiledExpression {

    private final String source;
    private final CelRuntime.Program program;
    private final List<Reference> references;
    private final List<Literal> literals;

    /** One use of {@code variable.key} or {@code variable['key']}, with its position in the source. */
    public record Reference(String variable, String key, int line, int column) {}

    /**
     * A string literal with its position; {@code result} when the expression's value can be this very literal (it is
     * the whole expression, or a branch of a conditional that is), as {@code 'HIGH'} in {@code c ? 'HIGH' : x};
     * {@code level} when it is compared with ({@code ==}, {@code !=}) or listed against ({@code in [...]}) an assessed
     * risk level, {@code assessments.x.overall} or {@code assessments.x.levels.y}, so it must be a risk level code.
     */
    public record Literal(String value, boolean result, boolean level, int line, int column) {}

    CompiledExpression(String source, CelRuntime.Program program, List<Reference> references, List<Literal> literals) {
        this.source = source;
        this.program = program;
        this.references = List.copyOf(references);
        this.literals = List.copyOf(literals);
    }

    public String source() {
        return source;
    }

    public List<Reference> references() {
        return references;
    }

    public List<Literal> literals() {
        return literals;
    }

    public List<String> keysOf(String variable) {
        return references.stream()
                .filter(r -> r.variable().equals(variable))
                .map(Reference::key)
                .distinct()
                .toList();
    }

    public Object evaluate(Map<String, ?> variables) throws ExpressionFailedException {
        try {
            return program.eval(variables);
        } catch (CelEvaluationException e) {
            throw new ExpressionFailedException(e.getMessage(), e);
        }
    }
}
