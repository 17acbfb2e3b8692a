import type { Definition, Item } from './api';
import { allItems } from './definition';

/** What a sample answer looks like while typed: the form's own values, before they become API answers. */
export type AnswerInput = string | number | string[] | boolean | undefined;

/**
 * The dry run's answers from the sample form: only items of the definition as it is now (an answer naming no item is
 * refused), only answered ones (unanswered is left out, never null), each in the type the API expects.
 */
export function toAnswers(
  definition: Definition,
  inputs: Readonly<Record<string, AnswerInput>>,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const item of allItems(definition)) {
    if (!item.code) continue;
    const value = toAnswer(item, inputs[item.code]);
    if (value !== undefined) answers[item.code] = value;
  }
  return answers;
}

function toAnswer(item: Item, input: AnswerInput): unknown {
  if (input === undefined || input === '') return undefined;
  switch (item.type) {
    case 'YES_NO':
      return input === true || input === 'yes' ? true : input === false || input === 'no' ? false : undefined;
    case 'NUMBER': {
      const number = typeof input === 'number' ? input : Number(input);
      return typeof input !== 'boolean' && !Array.isArray(input) && Number.isFinite(number) ? number : undefined;
    }
    case 'MULTI_CHOICE': {
      const known = new Set((item.options ?? []).map((o) => o.code));
      const chosen = (Array.isArray(input) ? input : []).filter((code) => known.has(code));
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'SINGLE_CHOICE':
      return typeof input === 'string' && (item.options ?? []).some((o) => o.code === input) ? input : undefined;
    case 'DATE':
    case 'TEXT':
      return typeof input === 'string' && input.trim() !== '' ? input : undefined;
    default:
      return undefined;
  }
}
