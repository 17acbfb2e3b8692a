import { useQuery } from '@tanstack/react-query';

import { useApi } from '../../../api/ApiContext';
import { unwrap, type ApiClient, type Schemas } from '../../../api/client';
import type { VersionedList } from '../shared/ListEditor';

export type Offence = Schemas['Offence'];
export type Programme = Schemas['Programme'];

export const offencesKey = ['methodology', 'offences'] as const;
export const programmesKey = ['methodology', 'programmes'] as const;

// Success bodies are typed from the component schemas: the snapshot documents only these operations' errors.

export async function fetchOffences(api: ApiClient, signal?: AbortSignal): Promise<VersionedList<Offence>> {
  const list = (await unwrap(api.GET('/api/methodology/offences', { signal }))) as unknown as Schemas['OffenceList'];
  return { entries: list.offences, version: list.version };
}

export async function saveOffences(api: ApiClient, offences: Offence[], version: number) {
  const list = (await unwrap(
    api.PUT('/api/methodology/offences', { body: { offences, version } }),
  )) as unknown as Schemas['OffenceList'];
  return { entries: list.offences, version: list.version };
}

export async function fetchProgrammes(api: ApiClient, signal?: AbortSignal): Promise<VersionedList<Programme>> {
  const list = (await unwrap(
    api.GET('/api/methodology/programmes', { signal }),
  )) as unknown as Schemas['ProgrammeList'];
  return { entries: list.programmes, version: list.version };
}

export async function saveProgrammes(api: ApiClient, programmes: Programme[], version: number) {
  const list = (await unwrap(
    api.PUT('/api/methodology/programmes', { body: { programmes, version } }),
  )) as unknown as Schemas['ProgrammeList'];
  return { entries: list.programmes, version: list.version };
}

export function useOffences() {
  const api = useApi();
  return useQuery({ queryKey: offencesKey, queryFn: ({ signal }) => fetchOffences(api, signal) });
}

export function useProgrammes() {
  const api = useApi();
  return useQuery({ queryKey: programmesKey, queryFn: ({ signal }) => fetchProgrammes(api, signal) });
}
