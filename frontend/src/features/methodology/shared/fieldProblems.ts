import { toFormPath, type FieldProblem } from '../../../api/problem';

/**
 * The problems of a methodology document (a draft's `problems`, or a 400/422 problem's `errors`) indexed by the
 * dotted path of the field they name ("definition.sections.0.items.1.condition"), so each field finds its own.
 */
export interface ProblemIndex {
  /** Problems naming exactly this field. */
  at(path: string): FieldProblem[];
  /** How many problems name this field or anything inside it (for a collapsed card or a tab). */
  countUnder(path: string): number;
  /** Every problem, in the server's order. */
  all: FieldProblem[];
}

export const NO_PROBLEMS: ProblemIndex = { at: () => [], countUnder: () => 0, all: [] };

export function indexProblems(problems: readonly FieldProblem[] | undefined): ProblemIndex {
  if (!problems || problems.length === 0) return NO_PROBLEMS;
  const byPath = new Map<string, FieldProblem[]>();
  const paths: string[] = [];
  for (const problem of problems) {
    const path = toFormPath(problem.field);
    paths.push(path);
    const list = byPath.get(path);
    if (list) list.push(problem);
    else byPath.set(path, [problem]);
  }
  return {
    at: (path) => byPath.get(path) ?? [],
    countUnder: (path) => paths.filter((p) => p === path || p.startsWith(`${path}.`)).length,
    all: [...problems],
  };
}

/** A problem's place inside an expression, ready to be marked: the line's text and the 0-based offsets. */
export interface ExpressionPosition {
  line: number;
  column: number;
  /** The text of the line the problem is on. */
  lineText: string;
  /** 0-based index of the marked character in lineText (may equal its length: the problem is at the end). */
  index: number;
  /** 0-based offset of the marked character in the whole expression (for the textarea's selection). */
  offset: number;
}

/**
 * Where a checker message points in the expression, from its 1-based line and column. A position past the end of
 * its line (or of the text) is clamped to the end, so a message about a missing closing parenthesis still marks
 * something. Columns count UTF-16 code units, as the textarea's selection does.
 */
export function expressionPosition(source: string, line: number, column: number): ExpressionPosition {
  const lines = source.split('\n');
  const lineIndex = Math.min(Math.max(line, 1), lines.length) - 1;
  const lineText = lines[lineIndex] ?? '';
  const index = Math.min(Math.max(column, 1) - 1, lineText.length);
  let offset = index;
  for (let i = 0; i < lineIndex; i++) offset += (lines[i]?.length ?? 0) + 1;
  return { line: lineIndex + 1, column: index + 1, lineText, index, offset };
}
