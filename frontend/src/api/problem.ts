/**
 * RFC 9457 problem documents as the Custodia API writes them (backend shared/web/Problems.java):
 * { type, title, status, detail, requestId, errors: [{ field: "answers[3].value", message }] }.
 */

export interface FieldProblem {
  /** The path of the offending value in the request body, e.g. "answers[3].value". */
  field: string;
  message: string;
  /** For an expression (CEL): the 1-based line of the problem inside it. */
  line?: number;
  /** For an expression (CEL): the 1-based column of the problem inside it. */
  column?: number;
}

export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors: FieldProblem[];
  /**
   * A classification refused by legal constraints (422) carries each broken constraint with its message in every
   * language the country wrote it in, so the UI can show it in the user's language.
   */
  violations?: ConstraintViolation[];
}

export interface ConstraintViolation {
  constraint: string;
  message: Record<string, string>;
}

/** The problem types the API defines; anything else is shown by its status. */
export const PROBLEM_TYPES = {
  invalidRequest: 'urn:custodia:problem:invalid-request',
  conflict: 'urn:custodia:problem:conflict',
  businessRule: 'urn:custodia:problem:business-rule',
  unauthenticated: 'urn:custodia:problem:unauthenticated',
  forbidden: 'urn:custodia:problem:forbidden',
  notFound: 'urn:custodia:problem:not-found',
  internal: 'urn:custodia:problem:internal',
} as const;

/** An API call that did not succeed; `problem` is always filled, from the body or from the status alone. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The line and column of an expression problem, when the server gave a usable one. */
function position(line: unknown, column: unknown): Pick<FieldProblem, 'line' | 'column'> {
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) return {};
  return { line, column: typeof column === 'number' && Number.isInteger(column) && column > 0 ? column : 1 };
}

/** Reads whatever the server sent as a Problem, defensively: a proxy's HTML error page becomes a bare status. */
export function toProblem(body: unknown, status: number): Problem {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errors = Array.isArray(raw.errors)
    ? raw.errors.flatMap((entry): FieldProblem[] => {
        if (typeof entry !== 'object' || entry === null) return [];
        const { field, message, line, column } = entry as Record<string, unknown>;
        if (typeof field !== 'string') return [];
        return [{ field, message: typeof message === 'string' ? message : '', ...position(line, column) }];
      })
    : [];
  const violations = Array.isArray(raw.violations)
    ? raw.violations.flatMap((entry): ConstraintViolation[] => {
        if (typeof entry !== 'object' || entry === null) return [];
        const { constraint, message } = entry as Record<string, unknown>;
        if (typeof constraint !== 'string') return [];
        const texts = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
        return [
          {
            constraint,
            message: Object.fromEntries(
              Object.entries(texts).filter((e): e is [string, string] => typeof e[1] === 'string'),
            ),
          },
        ];
      })
    : undefined;
  return {
    ...(violations ? { violations } : {}),
    type: optionalString(raw.type) ?? 'about:blank',
    title: optionalString(raw.title),
    status: typeof raw.status === 'number' ? raw.status : status,
    detail: optionalString(raw.detail),
    requestId: optionalString(raw.requestId),
    errors,
  };
}

/**
 * "answers[3].value" → "answers.3.value": the API's field paths in the dotted form the app's forms use for
 * nested values (Mantine's useForm, among others).
 */
export function toFormPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

export interface FormProblems {
  /** Message per form field (dotted path), for the fields the form shows. */
  fields: Record<string, string>;
  /** Messages that belong to no shown field: show them above the form, never drop them. */
  general: string[];
}

/**
 * Maps a problem's errors[] onto a form. `fields` names the form's paths (dotted) that can show a message; a field
 * error for a path not shown — or for a child of no shown field — goes to `general`, prefixed with its path.
 * The first message per field wins.
 */
export function problemToForm(problem: Problem, fields: readonly string[]): FormProblems {
  const shown = new Set(fields);
  const result: FormProblems = { fields: {}, general: [] };
  for (const error of problem.errors) {
    const path = toFormPath(error.field);
    const target = shown.has(path) ? path : closestShownParent(path, shown);
    if (target !== undefined) {
      result.fields[target] ??= error.message;
    } else {
      result.general.push(`${error.field}: ${error.message}`);
    }
  }
  if (result.general.length === 0 && Object.keys(result.fields).length === 0 && problem.detail) {
    result.general.push(problem.detail);
  }
  return result;
}

function closestShownParent(path: string, shown: ReadonlySet<string>): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length - 1; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (shown.has(candidate)) return candidate;
  }
  return undefined;
}

/** The i18n key of a problem's explanation in the user's language, by its type (or status when the type is unknown). */
export function problemMessageKey(problem: Problem): string {
  switch (problem.type) {
    case PROBLEM_TYPES.invalidRequest:
      return 'problem.invalidRequest';
    case PROBLEM_TYPES.conflict:
      return 'problem.conflict';
    case PROBLEM_TYPES.businessRule:
      return 'problem.businessRule';
    case PROBLEM_TYPES.unauthenticated:
      return 'problem.unauthenticated';
    case PROBLEM_TYPES.forbidden:
      return 'problem.forbidden';
    case PROBLEM_TYPES.notFound:
      return 'problem.notFound';
    case PROBLEM_TYPES.internal:
      return 'problem.internal';
  }
  if (problem.status === 0) return 'problem.network';
  if (problem.status >= 500) return 'problem.unavailable';
  return 'problem.unexpected';
}
