import { nextCode } from '../instruments/definition';
import { append, move, removeAt, updateAt } from '../shared/lists';
import type { Category, Constraint, Rule, SchemeDefinition } from './api';

/**
 * Edits of a classification scheme: its categories, its ordered rules (the first that matches wins, so order is
 * meaning) and its constraints. Renaming a category renames it in the rules that propose it; removing it leaves
 * those rules pointing nowhere, which the server reports, rather than silently changing what they propose.
 */
export type SchemeAction =
  | { type: 'add'; list: 'categories' | 'rules' | 'constraints' }
  | { type: 'remove'; list: 'categories' | 'rules' | 'constraints'; index: number }
  | { type: 'move'; list: 'categories' | 'rules' | 'constraints'; index: number; by: -1 | 1 }
  | { type: 'updateCategory'; index: number; patch: Partial<Category> }
  | { type: 'updateRule'; index: number; patch: Partial<Rule> }
  | { type: 'updateConstraint'; index: number; patch: Partial<Constraint> };

function fresh(definition: SchemeDefinition, list: 'categories' | 'rules' | 'constraints') {
  const prefix = { categories: 'category', rules: 'r', constraints: 'c' }[list];
  const code = nextCode(
    prefix,
    (definition[list] ?? []).map((entry) => entry.code),
  );
  switch (list) {
    case 'categories': {
      const rank = Math.max(0, ...(definition.categories ?? []).map((c) => c.severityRank ?? 0)) + 1;
      return { code, name: {}, severityRank: rank, legalBasis: '', reviewIntervalMonths: 12, courtOrdered: false };
    }
    case 'rules':
      return { code, when: '', category: definition.categories?.[0]?.code ?? '', reason: {} };
    case 'constraints':
      return { code, expression: '', message: {} };
  }
}

export function schemeReducer(definition: SchemeDefinition, action: SchemeAction): SchemeDefinition {
  switch (action.type) {
    case 'add':
      return { ...definition, [action.list]: append<object>(definition[action.list], fresh(definition, action.list)) };
    case 'remove':
      return { ...definition, [action.list]: removeAt<object>(definition[action.list], action.index) };
    case 'move':
      return { ...definition, [action.list]: move<object>(definition[action.list], action.index, action.by) };
    case 'updateCategory': {
      const before = definition.categories?.[action.index]?.code;
      const next = {
        ...definition,
        categories: updateAt(definition.categories, action.index, (c) => ({ ...c, ...action.patch })),
      };
      const after = action.patch.code;
      if (after === undefined || !before || after === before) return next;
      return {
        ...next,
        rules: (next.rules ?? []).map((rule) => (rule.category === before ? { ...rule, category: after } : rule)),
      };
    }
    case 'updateRule':
      return { ...definition, rules: updateAt(definition.rules, action.index, (r) => ({ ...r, ...action.patch })) };
    case 'updateConstraint':
      return {
        ...definition,
        constraints: updateAt(definition.constraints, action.index, (c) => ({ ...c, ...action.patch })),
      };
  }
}
