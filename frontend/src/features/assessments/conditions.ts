import { celEnv, isCelError, parse, plan, type CelInput } from '@bufbuild/cel';

import type { Definition, Item } from '../methodology/instruments/api';

/** Answers as the API keeps them: item code → value (YES_NO boolean, NUMBER number, choices codes, DATE/TEXT text). */
export type Answers = Record<string, unknown>;

type Condition = (answers: Map<string, CelInput>) => boolean;

/** `answers.x` and `answers['x']`: the items a condition reads (codes are identifiers, so this finds them all). */
const REFERENCE = /answers\s*(?:\.\s*([a-z][a-z0-9_]*)|\[\s*['"]([a-z][a-z0-9_]*)['"]\s*\])/g;

export function referencedItems(source: string): string[] {
  return [...new Set([...source.matchAll(REFERENCE)].map((m) => m[1] ?? m[2] ?? ''))];
}

/**
 * A value as the server hands it to CEL (AnswerValidator.forExpressions): whole numbers are `int` (bigint here),
 * others `double`; lists stay lists.
 */
function toCel(value: unknown): CelInput {
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15) return BigInt(value);
  // JSON values (booleans, numbers, strings, lists of codes) are CEL values as they are.
  return value as CelInput;
}

/** Compiles a condition once; a failing or non-boolean evaluation is false, as on the server (Scorer.applies). */
export function compileCondition(source: string): Condition {
  let program: ReturnType<typeof plan>;
  try {
    program = plan(celEnv(), parse(source));
  } catch {
    // A published version's conditions passed the server's checker; should one still not parse here, the item is
    // shown (asking too much is safer than hiding a question).
    return () => true;
  }
  return (answers) => {
    try {
      const result = program({ answers });
      return !isCelError(result) && result === true;
    } catch {
      return false;
    }
  };
}

export function conditionAnswers(answers: Answers): Map<string, CelInput> {
  return new Map(Object.entries(answers).map(([code, value]) => [code, toCel(value)]));
}

export interface CompiledConditions {
  /** Whether each item applies to these answers (items without a condition always do). */
  applicability(answers: Answers): Map<string, boolean>;
}

function itemsOf(definition: Definition): Item[] {
  return (definition.sections ?? []).flatMap((section) => section.items ?? []);
}

/**
 * The instrument's conditions, evaluated in the browser (also offline) exactly as the server's Scorer does: in an
 * order where an item's condition comes after the conditions of the items it reads, and the answer of an item that
 * does not apply is dropped before any later condition reads it.
 */
export function compileConditions(definition: Definition): CompiledConditions {
  const items = itemsOf(definition);
  const conditions = new Map<string, Condition>();
  const dependsOn = new Map<string, string[]>();
  for (const item of items) {
    if (item.code && item.condition) {
      conditions.set(item.code, compileCondition(item.condition));
      dependsOn.set(item.code, referencedItems(item.condition));
    }
  }
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (code: string) => {
    if (order.includes(code) || visiting.has(code)) return;
    visiting.add(code);
    (dependsOn.get(code) ?? []).forEach(visit);
    order.push(code);
  };
  items.forEach((item) => item.code && visit(item.code));
  return {
    applicability(answers) {
      const cel = conditionAnswers(answers);
      const applies = new Map<string, boolean>();
      for (const code of order) {
        const condition = conditions.get(code);
        const applicable = condition ? condition(cel) : true;
        applies.set(code, applicable);
        if (!applicable) cel.delete(code);
      }
      return applies;
    },
  };
}
