import createClient, { type Middleware } from 'openapi-fetch';

import { ApiError, toProblem } from './problem';
import type { components, paths } from './schema';

/**
 * The typed API client: paths, parameters and bodies come from the backend's OpenAPI document
 * (src/api/openapi.json, a snapshot the backend's OpenApiSnapshotIT keeps honest; `npm run api:types` regenerates
 * schema.d.ts from it).
 */
export type ApiClient = ReturnType<typeof createClient<paths>>;
export type Schemas = components['schemas'];

export interface ApiClientOptions {
  /** "" for the app's own origin (the server proxies /api). */
  baseUrl: string;
  /** The current access token, read at each request so a renewed token is used at once. */
  getAccessToken?: () => string | undefined;
  fetch?: typeof fetch;
}

export function createApiClient({ baseUrl, getAccessToken, fetch: fetchImpl }: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: baseUrl || window.location.origin,
    headers: { Accept: 'application/json' },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const bearer: Middleware = {
    onRequest({ request }) {
      const token = getAccessToken?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; otherwise an ApiError carrying the problem (status 0 when the network failed). */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(toProblem({ detail: error instanceof Error ? error.message : String(error) }, 0));
  }
  if (result.response.ok && result.error === undefined) {
    return result.data as T;
  }
  throw new ApiError(toProblem(result.error, result.response.status));
}
