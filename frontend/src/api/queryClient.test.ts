import { ApiError, toProblem } from './problem';
import { newQueryClient, shouldRetry } from './queryClient';

const apiError = (status: number) => new ApiError(toProblem(undefined, status));

describe('query client', () => {
  it('retries a network failure or a server error once, never a client error', () => {
    expect(shouldRetry(0, apiError(0))).toBe(true);
    expect(shouldRetry(0, apiError(503))).toBe(true);
    expect(shouldRetry(1, apiError(503))).toBe(false);
    expect(shouldRetry(0, apiError(404))).toBe(false);
    expect(shouldRetry(0, apiError(409))).toBe(false);
  });

  it('asks for a new sign-in when the API answers 401, to queries and mutations alike', async () => {
    const onUnauthenticated = vi.fn();
    const client = newQueryClient(onUnauthenticated);
    await client.fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(apiError(401)) }).catch(() => undefined);
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(apiError(401)) })
      .execute(undefined)
      .catch(() => undefined);
    await client.fetchQuery({ queryKey: ['y'], queryFn: () => Promise.reject(apiError(403)) }).catch(() => undefined);
    expect(onUnauthenticated).toHaveBeenCalledTimes(2);
  });
});
