/**
 * Which realm this tab signed in with. Not a token: only the issuer to sign in to again (silently, with
 * prompt=none) after a reload, since tokens live in memory and a reload forgets them. Kept in sessionStorage (this
 * tab only) and erased on sign-out with everything else (see userStorage.ts).
 */
export type RealmKind = 'tenant' | 'platform';

export interface RealmSession {
  /** The OIDC issuer, e.g. http://localhost:8180/realms/kz */
  authority: string;
  kind: RealmKind;
}

export const REALM_SESSION_KEY = 'custodia.realm';

export function readRealmSession(storage: Storage = sessionStorage): RealmSession | null {
  const raw = storage.getItem(REALM_SESSION_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<RealmSession>;
    if (typeof value.authority === 'string' && (value.kind === 'tenant' || value.kind === 'platform')) {
      return { authority: value.authority, kind: value.kind };
    }
  } catch {
    // fall through: a damaged entry is dropped
  }
  storage.removeItem(REALM_SESSION_KEY);
  return null;
}

export function writeRealmSession(session: RealmSession, storage: Storage = sessionStorage): void {
  storage.setItem(REALM_SESSION_KEY, JSON.stringify(session));
}

export function platformAuthority(keycloakUrl: string, platformRealm: string): string {
  return `${keycloakUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(platformRealm)}`;
}
