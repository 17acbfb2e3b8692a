import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';

import { ApiContext } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { SignedInContext, type SignedIn } from '../auth/SignedInContext';

// The machine running the tests is shared and slow at times: give answers of the fake API time to arrive.
configure({ asyncUtilTimeout: 5000 });

/** English without messages: every text shows as its key, and Intl formats in English. */
const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: {}, initAsync: false });

/** What a fake API answers: status and JSON body. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
}

/** A request the fake API received: method, path with query, and the JSON body. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A fake backend for component tests: `routes` maps "METHOD /path" (query left out) to an answer, or to a function
 * of the request giving one; anything else is a 404 problem. Every request is kept in `seen`, in order.
 */
export function fakeApi(routes: Record<string, FakeAnswer | ((request: SeenRequest) => FakeAnswer)>) {
  const seen: SeenRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const seenRequest = {
      method: request.method,
      path: url.pathname + url.search,
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(seenRequest);
    const route = routes[`${request.method} ${url.pathname}`];
    const answer = typeof route === 'function' ? route(seenRequest) : route;
    const { status, body } = answer ?? {
      status: 404,
      body: { type: 'urn:custodia:problem:not-found', status: 404, title: 'Not Found' },
    };
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  const client = createApiClient({ baseUrl: 'http://custodia.test', fetch: fetchImpl as typeof fetch });
  return { client, seen };
}

/** A signed-in supervisor of a country in Asia/Almaty, as the app's context gives it. */
export function signedInAs(subject = 'supervisor-1', timeZone = 'Asia/Almaty'): SignedIn {
  return {
    me: { subject, username: 'kz.supervisor', tenant: { code: 'KZ', defaultLanguage: 'en', timeZone } },
    roles: ['SUPERVISOR'],
    displayName: 'Supervisor',
    signOut: async () => undefined,
    changeLanguage: async () => undefined,
    languageStatus: null,
    savingLanguage: false,
  };
}

/** Renders a screen or panel inside the providers the signed-in app gives it (no retries: errors show at once). */
export function renderWithApp(
  ui: ReactNode,
  { api, signedIn = signedInAs(), path = '/' }: { api: ReturnType<typeof fakeApi>; signedIn?: SignedIn; path?: string },
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ApiContext value={api.client}>
            <SignedInContext value={signedIn}>
              <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
            </SignedInContext>
          </ApiContext>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}
