import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { useApi } from './ApiContext';
import { unwrap, type ApiClient, type Schemas } from './client';
import { ApiError } from './problem';

export type Me = Schemas['MeView'];
export type Preferences = Schemas['PreferencesView'];

export const meKey = ['me'] as const;

async function fetchMe(api: ApiClient, signal?: AbortSignal): Promise<Me> {
  return unwrap(api.GET('/api/me', { signal }));
}

/** GET /api/me: who the backend says the caller is (roles as the backend recognises them) and their preferences. */
export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(api, signal), staleTime: 60_000 });
}

export interface SavedLanguage {
  preferences: Preferences;
  /** True when the first attempt met a newer version (changed in another tab or device) and was retried. */
  retried: boolean;
}

/**
 * Saves the UI language: PUT /api/me/preferences with the version last read. A 409 means the preferences changed
 * elsewhere meanwhile: read them again and apply the user's choice once more on the new version.
 */
export async function saveLanguage(api: ApiClient, language: string, version: number | null): Promise<SavedLanguage> {
  const put = (v: number | null) =>
    unwrap(api.PUT('/api/me/preferences', { body: { language, ...(v === null ? {} : { version: v }) } }));
  try {
    return { preferences: await put(version), retried: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const fresh = await fetchMe(api);
    return { preferences: await put(fresh.preferences?.version ?? null), retried: true };
  }
}

export function useSaveLanguage() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ language, version }: { language: string; version: number | null }) =>
      saveLanguage(api, language, version),
    onSuccess: ({ preferences }) => {
      queryClient.setQueryData<Me>(meKey, (me) => (me ? { ...me, preferences } : me));
    },
  });
}
