import { createContext, useContext } from 'react';

import { NO_PROBLEMS, type ProblemIndex } from './fieldProblems';

/** The problems of the document being edited, for any field deep in the form to find its own by path. */
export const ProblemsContext = createContext<ProblemIndex>(NO_PROBLEMS);

export function useProblems(): ProblemIndex {
  return useContext(ProblemsContext);
}

/** The messages for one field (dotted path), joined for Mantine's `error` prop; undefined when there is none. */
export function useFieldError(path: string): string | undefined {
  const problems = useProblems().at(path);
  return problems.length > 0 ? problems.map((p) => p.message).join(' · ') : undefined;
}
