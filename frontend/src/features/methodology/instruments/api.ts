import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../../api/client';
import type { FieldProblem } from '../../../api/problem';
import type { SavedDocument } from '../shared/useSyncedDocument';

export type Definition = Schemas['InstrumentDefinition'];
export type Section = Schemas['Section'];
export type Item = Schemas['Item'];
export type ItemType = NonNullable<Item['type']>;
export type Option = Schemas['Option'];
export type ScoreBand = Schemas['ScoreBand'];
export type Scale = Schemas['Scale'];
export type Band = Schemas['Band'];
export type Overall = Schemas['Overall'];
export type InstrumentView = Schemas['InstrumentView'];
export type InstrumentKind = NonNullable<InstrumentView['kind']>;
export type VersionView = Schemas['VersionView'];
export type VersionSummary = Schemas['VersionSummary'];
export type ScoringResult = Schemas['ScoringResult'];
export type Judgement = Schemas['Judgement'];
export type ExportedVersion = Schemas['ExportedVersion'];
export type CreateInstrument = Schemas['CreateInstrument'];

export const ITEM_TYPES: readonly ItemType[] = ['SINGLE_CHOICE', 'MULTI_CHOICE', 'YES_NO', 'NUMBER', 'DATE', 'TEXT'];
export const INSTRUMENT_KINDS: readonly InstrumentKind[] = ['ACTUARIAL', 'NEEDS', 'SPJ', 'SCREENING'];

export const instrumentsKey = ['methodology', 'instruments'] as const;
export const instrumentKey = (id: string) => ['methodology', 'instrument', id] as const;
export const versionKey = (id: string) => ['methodology', 'instrument-version', id] as const;

// The OpenAPI snapshot documents only the error answers of most methodology operations (their success bodies are
// reactive types springdoc does not describe), so the success bodies are typed here from the component schemas.

export function useInstruments() {
  const api = useApi();
  return useQuery({
    queryKey: instrumentsKey,
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/methodology/instruments', { signal }))) as unknown as InstrumentView[],
  });
}

export function useInstrument(id: string) {
  const api = useApi();
  return useQuery({
    enabled: id !== '',
    queryKey: instrumentKey(id),
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/methodology/instruments/{id}', { params: { path: { id } }, signal }),
      )) as unknown as InstrumentView,
  });
}

export async function fetchVersion(api: ApiClient, versionId: string, signal?: AbortSignal): Promise<VersionView> {
  return (await unwrap(
    api.GET('/api/methodology/instrument-versions/{versionId}', { params: { path: { versionId } }, signal }),
  )) as unknown as VersionView;
}

export function useVersion(versionId: string) {
  const api = useApi();
  return useQuery({ queryKey: versionKey(versionId), queryFn: ({ signal }) => fetchVersion(api, versionId, signal) });
}

export function createInstrument(api: ApiClient, body: CreateInstrument): Promise<InstrumentView> {
  return unwrap(api.POST('/api/methodology/instruments', { body }));
}

/** A new draft: empty, or a copy of one of the instrument's versions. */
export function newDraft(api: ApiClient, instrumentId: string, copyFrom?: string): Promise<VersionView> {
  return unwrap(
    api.POST('/api/methodology/instruments/{id}/versions', {
      params: { path: { id: instrumentId } },
      body: copyFrom ? { copyFrom } : {},
    }),
  );
}

export function importVersion(api: ApiClient, document: ExportedVersion): Promise<VersionView> {
  return unwrap(api.POST('/api/methodology/instruments/import', { body: document }));
}

export function asSaved(view: VersionView): SavedDocument<Definition> {
  return { document: view.definition ?? {}, version: view.version ?? 0, problems: problemsOf(view.problems) };
}

export function problemsOf(problems: Schemas['FieldError'][] | undefined): FieldProblem[] {
  return (problems ?? []).map((p) => ({
    field: p.field ?? '',
    message: p.message ?? '',
    ...(p.line ? { line: p.line, column: p.column ?? 1 } : {}),
  }));
}

export async function saveDraft(
  api: ApiClient,
  versionId: string,
  definition: Definition,
  version: number,
): Promise<VersionView> {
  return (await unwrap(
    api.PUT('/api/methodology/instrument-versions/{versionId}', {
      params: { path: { versionId } },
      body: { definition, version },
    }),
  )) as unknown as VersionView;
}

export async function transition(
  api: ApiClient,
  action: 'publish' | 'retire',
  versionId: string,
  version: number,
): Promise<VersionView> {
  const options = { params: { path: { versionId } }, body: { version } };
  const call =
    action === 'publish'
      ? api.POST('/api/methodology/instrument-versions/{versionId}/publish', options)
      : api.POST('/api/methodology/instrument-versions/{versionId}/retire', options);
  return (await unwrap(call)) as unknown as VersionView;
}

export async function dryRun(
  api: ApiClient,
  versionId: string,
  answers: Record<string, unknown>,
  judgement: Judgement | undefined,
  signal?: AbortSignal,
): Promise<ScoringResult> {
  return (await unwrap(
    api.POST('/api/methodology/instrument-versions/{versionId}/dry-run', {
      params: { path: { versionId } },
      body: { answers, ...(judgement ? { judgement } : {}) },
      signal,
    }),
  )) as unknown as ScoringResult;
}

export async function exportVersion(api: ApiClient, versionId: string): Promise<ExportedVersion> {
  return (await unwrap(
    api.GET('/api/methodology/instrument-versions/{versionId}/export', { params: { path: { versionId } } }),
  )) as unknown as ExportedVersion;
}
