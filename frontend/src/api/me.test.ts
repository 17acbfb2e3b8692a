import { createApiClient } from './client';
import { saveLanguage } from './me';
import { ApiError } from './problem';

interface Call {
  method: string;
  url: string;
  body: unknown;
  authorization: string | null;
}

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** A fake API: answers in order, records each request. */
function fakeApi(answers: Response[]) {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const text = await request.text();
    calls.push({
      method: request.method,
      url: new URL(request.url).pathname,
      body: text ? JSON.parse(text) : undefined,
      authorization: request.headers.get('Authorization'),
    });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  };
  const api = createApiClient({
    baseUrl: 'http://api.test',
    getAccessToken: () => 'token-1',
    fetch: fetchImpl as typeof fetch,
  });
  return { api, calls };
}

const conflict = {
  type: 'urn:custodia:problem:conflict',
  title: 'Conflict',
  status: 409,
  detail: 'Someone else changed this record first.',
};

describe('saveLanguage', () => {
  it('sends the language with the version last read, with the access token', async () => {
    const { api, calls } = fakeApi([json(200, { language: 'ar', version: 4 })]);
    expect(await saveLanguage(api, 'ar', 3)).toEqual({ preferences: { language: 'ar', version: 4 }, retried: false });
    expect(calls).toEqual([
      {
        method: 'PUT',
        url: '/api/me/preferences',
        body: { language: 'ar', version: 3 },
        authorization: 'Bearer token-1',
      },
    ]);
  });

  it('sends no version for the first save', async () => {
    const { api, calls } = fakeApi([json(200, { language: 'fr', version: 0 })]);
    await saveLanguage(api, 'fr', null);
    expect(calls[0]?.body).toEqual({ language: 'fr' });
  });

  it('on 409 reloads the preferences and applies the choice on the current version', async () => {
    const { api, calls } = fakeApi([
      json(409, conflict, 'application/problem+json'),
      json(200, { subject: 's', roles: ['ASSESSOR'], preferences: { language: 'ru', version: 7 } }),
      json(200, { language: 'ar', version: 8 }),
    ]);
    expect(await saveLanguage(api, 'ar', 3)).toEqual({ preferences: { language: 'ar', version: 8 }, retried: true });
    expect(calls.map((c) => `${c.method} ${c.url} ${JSON.stringify(c.body ?? null)}`)).toEqual([
      'PUT /api/me/preferences {"language":"ar","version":3}',
      'GET /api/me null',
      'PUT /api/me/preferences {"language":"ar","version":7}',
    ]);
  });

  it('gives up after one retry, with the problem', async () => {
    const { api } = fakeApi([
      json(409, conflict, 'application/problem+json'),
      json(200, { preferences: { language: 'ru', version: 7 } }),
      json(409, conflict, 'application/problem+json'),
    ]);
    const error = await saveLanguage(api, 'ar', 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.type).toBe('urn:custodia:problem:conflict');
  });

  it('reports a validation problem with its field', async () => {
    const { api } = fakeApi([
      json(
        400,
        {
          type: 'urn:custodia:problem:invalid-request',
          status: 400,
          errors: [{ field: 'language', message: 'must be one of …' }],
        },
        'application/problem+json',
      ),
    ]);
    const error = (await saveLanguage(api, 'xx', 1).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.problem.errors).toEqual([{ field: 'language', message: 'must be one of …' }]);
  });
});
