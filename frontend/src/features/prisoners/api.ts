import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { useApi } from '../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../api/client';
import { problemToForm, type FieldProblem } from '../../api/problem';

export type Prisoner = Schemas['Prisoner'];
export type PrisonerForm = Schemas['PrisonerForm'];
export type PrisonerSummary = Schemas['PrisonerSummary'];
export type PrisonerPage = Schemas['PrisonerPage'];
export type Facility = Schemas['Facility'];
export type LegalStatus = NonNullable<Prisoner['legalStatus']>;
export type SchemeVersionView = Schemas['SchemeVersionView'];

export const LEGAL_STATUSES: readonly LegalStatus[] = ['REMAND', 'SENTENCED', 'RELEASED'];
export const PAGE_SIZE = 20;

// The snapshot documents only the errors of these GET operations (and PUT's success), so their answers are typed
// here from the component schemas.

/** The register's search as it stands in the address bar: shareable, and kept on reload and "back". */
export interface RegisterSearch {
  text: string;
  facilityId: string;
  category: string;
  reviewDueBy: string;
  legalStatus: LegalStatus | '';
  /** 0-based, as the API counts. */
  page: number;
}

export const EMPTY_SEARCH: RegisterSearch = {
  text: '',
  facilityId: '',
  category: '',
  reviewDueBy: '',
  legalStatus: '',
  page: 0,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the search from the URL, ignoring anything malformed (a hand-edited address never breaks the page). */
export function searchFromParams(params: URLSearchParams): RegisterSearch {
  const page = Number(params.get('page') ?? '1');
  const status = params.get('legalStatus') ?? '';
  const due = params.get('reviewDueBy') ?? '';
  return {
    text: params.get('q') ?? '',
    facilityId: params.get('facility') ?? '',
    category: params.get('category') ?? '',
    reviewDueBy: DATE.test(due) ? due : '',
    legalStatus: (LEGAL_STATUSES as readonly string[]).includes(status) ? (status as LegalStatus) : '',
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
  };
}

/** Writes the search into the URL: only what is set, pages counted from 1 for people. */
export function searchToParams(search: RegisterSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.text.trim()) params.set('q', search.text.trim());
  if (search.facilityId) params.set('facility', search.facilityId);
  if (search.category) params.set('category', search.category);
  if (search.reviewDueBy) params.set('reviewDueBy', search.reviewDueBy);
  if (search.legalStatus) params.set('legalStatus', search.legalStatus);
  if (search.page > 0) params.set('page', String(search.page + 1));
  return params;
}

/** The API's query for a search: absent filters are left out. */
export function searchToQuery(search: RegisterSearch) {
  return {
    ...(search.text.trim() ? { text: search.text.trim() } : {}),
    ...(search.facilityId ? { facilityId: search.facilityId } : {}),
    ...(search.category ? { category: search.category } : {}),
    ...(search.reviewDueBy ? { reviewDueBy: search.reviewDueBy } : {}),
    ...(search.legalStatus ? { legalStatus: search.legalStatus } : {}),
    page: search.page,
    size: PAGE_SIZE,
  };
}

export const prisonersKey = ['prisoners'] as const;
export const prisonerKey = (id: string) => ['prisoners', 'one', id] as const;

export function usePrisonerSearch(search: RegisterSearch) {
  const api = useApi();
  return useQuery({
    queryKey: [...prisonersKey, 'search', search],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/prisoners', { params: { query: searchToQuery(search) }, signal }),
      )) as unknown as PrisonerPage,
    placeholderData: keepPreviousData,
  });
}

export async function fetchPrisoner(api: ApiClient, id: string, signal?: AbortSignal) {
  return (await unwrap(api.GET('/api/prisoners/{id}', { params: { path: { id } }, signal }))) as unknown as Prisoner;
}

export function usePrisoner(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: prisonerKey(id),
    queryFn: ({ signal }) => fetchPrisoner(api, id, signal),
    enabled: id !== '',
  });
}

export async function registerPrisoner(api: ApiClient, form: PrisonerForm) {
  return (await unwrap(api.POST('/api/prisoners', { body: form }))) as Prisoner;
}

export async function updatePrisoner(api: ApiClient, id: string, form: PrisonerForm) {
  return (await unwrap(
    api.PUT('/api/prisoners/{id}', { params: { path: { id } }, body: form }),
  )) as unknown as Prisoner;
}

export const facilitiesKey = ['facilities'] as const;

export async function fetchFacilities(api: ApiClient, signal?: AbortSignal) {
  return (await unwrap(api.GET('/api/facilities', { signal }))) as unknown as Facility[];
}

export function useFacilities() {
  const api = useApi();
  return useQuery({ queryKey: facilitiesKey, queryFn: ({ signal }) => fetchFacilities(api, signal) });
}

export const schemeInForceKey = ['methodology', 'scheme-in-force'] as const;

/** The classification scheme in force (its categories name the codes decisions and prisoners carry). */
export function useSchemeInForce() {
  const api = useApi();
  return useQuery({
    queryKey: schemeInForceKey,
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/methodology/classification-scheme', { signal }))) as unknown as SchemeVersionView,
    staleTime: 5 * 60_000,
  });
}

/** What the registration form edits: every value as its input holds it (strings; '' when empty). */
export interface PrisonerDraft {
  number: string;
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  sex: 'M' | 'F' | '';
  citizenship: string;
  legalStatus: LegalStatus;
  admittedOn: string;
  facilityId: string;
  flags: string[];
  offences: string[];
  hasSentence: boolean;
  sentence: {
    start: string;
    lengthMonths: string;
    life: boolean;
    expectedRelease: string;
    courtRegime: string;
  };
}

export const EMPTY_DRAFT: PrisonerDraft = {
  number: '',
  familyName: '',
  givenNames: '',
  dateOfBirth: '',
  sex: '',
  citizenship: '',
  legalStatus: 'REMAND',
  admittedOn: '',
  facilityId: '',
  flags: [],
  offences: [],
  hasSentence: false,
  sentence: { start: '', lengthMonths: '', life: false, expectedRelease: '', courtRegime: '' },
};

/** A prisoner as the form shows it (for editing). */
export function toDraft(prisoner: Prisoner): PrisonerDraft {
  const s = prisoner.sentence;
  return {
    number: prisoner.number ?? '',
    familyName: prisoner.familyName ?? '',
    givenNames: prisoner.givenNames ?? '',
    dateOfBirth: prisoner.dateOfBirth ?? '',
    sex: prisoner.sex === 'M' || prisoner.sex === 'F' ? prisoner.sex : '',
    citizenship: prisoner.citizenship ?? '',
    legalStatus: prisoner.legalStatus ?? 'REMAND',
    admittedOn: prisoner.admittedOn ?? '',
    facilityId: prisoner.facilityId ?? '',
    flags: [...(prisoner.flags ?? [])],
    offences: [...(prisoner.offences ?? [])],
    hasSentence: Boolean(s),
    sentence: {
      start: s?.start ?? '',
      lengthMonths: s?.lengthMonths === undefined || s?.lengthMonths === null ? '' : String(s.lengthMonths),
      life: s?.life ?? false,
      expectedRelease: s?.expectedRelease ?? '',
      courtRegime: s?.courtRegime ?? '',
    },
  };
}

/**
 * The API's body for the form: trimmed texts, upper-case codes, empty optional values left out (the server
 * checks the rest and names the fields it refuses), the version when editing.
 */
export function toPrisonerForm(draft: PrisonerDraft, version?: number): PrisonerForm {
  const s = draft.sentence;
  const months = s.lengthMonths.trim() === '' ? undefined : Number(s.lengthMonths);
  return {
    number: draft.number.trim(),
    familyName: draft.familyName.trim(),
    givenNames: draft.givenNames.trim(),
    dateOfBirth: draft.dateOfBirth,
    sex: draft.sex,
    citizenship: draft.citizenship.trim().toUpperCase(),
    legalStatus: draft.legalStatus,
    admittedOn: draft.admittedOn,
    facilityId: draft.facilityId,
    flags: draft.flags.map((f) => f.trim().toUpperCase()).filter(Boolean),
    offences: [...draft.offences],
    ...(draft.hasSentence
      ? {
          sentence: {
            start: s.start,
            ...(months !== undefined && !Number.isNaN(months) ? { lengthMonths: months } : {}),
            life: s.life,
            ...(s.expectedRelease ? { expectedRelease: s.expectedRelease } : {}),
            ...(s.courtRegime.trim() ? { courtRegime: s.courtRegime.trim() } : {}),
          },
        }
      : {}),
    ...(version !== undefined ? { version } : {}),
  };
}

/** The form's fields a problem's errors[] can name (dotted paths), so each message shows at its field. */
export const FORM_FIELDS = [
  'number',
  'familyName',
  'givenNames',
  'dateOfBirth',
  'sex',
  'citizenship',
  'legalStatus',
  'admittedOn',
  'facilityId',
  'flags',
  'offences',
  'sentence',
  'sentence.start',
  'sentence.lengthMonths',
  'sentence.life',
  'sentence.expectedRelease',
  'sentence.courtRegime',
] as const;

/**
 * A refusal's errors placed on the form: each at the field it names or, for a path inside one ("offences[0]",
 * "sentence.expectedRelease" when only "sentence" is shown), at the closest shown field; the rest stay general.
 */
export function placeProblems(errors: readonly FieldProblem[], fields: readonly string[]) {
  const placed: FieldProblem[] = [];
  const general: FieldProblem[] = [];
  for (const error of errors) {
    const { fields: at } = problemToForm({ type: '', status: 0, errors: [error] }, fields);
    const target = Object.keys(at)[0];
    if (target) placed.push({ ...error, field: target });
    else general.push(error);
  }
  return { placed, general };
}
