/**
 * Settings read at start from /config.json, served beside the app (server.mjs, or the Vite dev server), so that one
 * build serves every environment and every country. Nothing here is baked into the bundle.
 */
export interface RuntimeConfig {
  /** Where the API lives; "" means the same origin as the app (the server proxies /api). */
  apiBaseUrl: string;
  /** Keycloak's base URL, e.g. https://id.example.org; realms live under /realms/<name>. */
  keycloakUrl: string;
  /** The realm of platform staff (PLATFORM_ADMIN, PROGRAMME_COORDINATOR). */
  platformRealm: string;
  /** The OIDC client of this app in every realm. */
  clientId: string;
}

function stringField(raw: Record<string, unknown>, name: keyof RuntimeConfig, fallback?: string): string {
  const value = raw[name] ?? fallback;
  if (typeof value !== 'string') {
    throw new Error(`/config.json: "${name}" must be a string`);
  }
  return value;
}

function absoluteUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`/config.json: "${name}" must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`/config.json: "${name}" must be an http(s) URL`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Validates the parsed /config.json; throws an Error that names the bad field. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error('/config.json must be a JSON object');
  }
  const record = raw as Record<string, unknown>;
  const apiBaseUrl = stringField(record, 'apiBaseUrl', '');
  return {
    apiBaseUrl: apiBaseUrl === '' ? '' : absoluteUrl('apiBaseUrl', apiBaseUrl),
    keycloakUrl: absoluteUrl('keycloakUrl', stringField(record, 'keycloakUrl')),
    platformRealm: stringField(record, 'platformRealm', 'platform'),
    clientId: stringField(record, 'clientId', 'custodia-web'),
  };
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`/config.json answered ${response.status}`);
  }
  return parseRuntimeConfig(await response.json());
}
