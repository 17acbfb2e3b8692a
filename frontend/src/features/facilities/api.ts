import { unwrap, type ApiClient, type Schemas } from '../../api/client';
import type { Texts } from '../methodology/shared/format';
import type { Facility } from '../prisoners/api';

export type FacilityForm = Schemas['FacilityForm'];

/** What the facility form edits; capacity as its input holds it. */
export interface FacilityDraft {
  code: string;
  name: Texts;
  categories: string[];
  capacity: string;
}

export const EMPTY_FACILITY: FacilityDraft = { code: '', name: {}, categories: [], capacity: '' };

export function toFacilityDraft(facility: Facility): FacilityDraft {
  return {
    code: facility.code ?? '',
    name: { ...(facility.name ?? {}) },
    categories: [...(facility.categories ?? [])],
    capacity: facility.capacity === undefined ? '' : String(facility.capacity),
  };
}

/** The API's body: upper-case code, blank names dropped, capacity a number (the server refuses a bad one). */
export function toFacilityForm(draft: FacilityDraft, version?: number): FacilityForm {
  return {
    code: draft.code.trim().toUpperCase(),
    name: Object.fromEntries(Object.entries(draft.name).filter(([, text]) => text.trim() !== '')),
    categories: [...draft.categories],
    capacity: draft.capacity.trim() === '' ? -1 : Number(draft.capacity),
    ...(version !== undefined ? { version } : {}),
  };
}

// The snapshot documents only the errors of PUT, so its answer is typed here.

export async function createFacility(api: ApiClient, draft: FacilityDraft) {
  return (await unwrap(api.POST('/api/facilities', { body: toFacilityForm(draft) }))) as Facility;
}

export async function updateFacility(api: ApiClient, id: string, draft: FacilityDraft, version: number) {
  return (await unwrap(
    api.PUT('/api/facilities/{id}', { params: { path: { id } }, body: toFacilityForm(draft, version) }),
  )) as unknown as Facility;
}
