import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { fakeApi, renderWithApp, signedInAs } from '../../../test/renderWithApp';
import { AssessmentInboxSection } from '../AssessmentInboxSection';

const entry = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  prisonerId: `p-${id}`,
  prisonerNumber: `N-${id}`,
  familyName: 'Testov',
  givenNames: 'Erlan',
  instrumentCode: 'needs_inventory',
  overallLevel: 'MEDIUM',
  startedBy: { subject: 'assessor-1', username: 'kz.assessor' },
  submittedBy: { subject: 'assessor-1', username: 'kz.assessor' },
  submittedAt: '2026-05-02T10:00:00Z',
  version: 2,
  mayDecide: true,
  ...overrides,
});

function inbox(items: unknown[], routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/assessments/inbox': { status: 200, body: { items, page: 0, size: 25, total: items.length } },
    'GET /api/methodology/instruments': {
      status: 200,
      body: [{ code: 'needs_inventory', name: { en: 'Needs inventory' } }],
    },
    ...routes,
  });
  renderWithApp(<AssessmentInboxSection />, { api, signedIn: signedInAs('supervisor-1') });
  return api;
}

describe('AssessmentInboxSection', () => {
  it('shows the supervisor’s own assessment without the decision, with the reason', async () => {
    inbox([
      entry('a1', {
        startedBy: { subject: 'supervisor-1', username: 'kz.supervisor' },
        mayDecide: false,
        whyNot: 'You started this assessment',
      }),
    ]);
    const item = await screen.findByTestId('assessment-inbox-item');
    expect(within(item).getByTestId('assessment-why-not')).toHaveTextContent('reviews.approvals.own');
    expect(within(item).queryByTestId('assessment-approve')).toBeNull();
  });

  it('gives the server’s reason when another rule forbids the decision', async () => {
    inbox([entry('a1', { mayDecide: false, whyNot: 'Decided elsewhere' })]);
    expect(await screen.findByTestId('assessment-why-not')).toHaveTextContent(
      'reviews.approvals.mayNotDecide (Decided elsewhere)',
    );
  });

  it('links the instrument, named in the user’s language, to the assessment screen', async () => {
    inbox([entry('a1')]);
    const link = await screen.findByRole('link', { name: 'Needs inventory' });
    expect(link).toHaveAttribute('href', '/assessments/a1');
  });

  it('approves with the version read and an optional comment', async () => {
    const api = inbox([entry('a1')], { 'POST /api/assessments/a1/approval': { status: 200, body: {} } });
    fireEvent.click(await screen.findByTestId('assessment-approve'));
    await waitFor(() => expect(api.seen.some((r) => r.method === 'POST')).toBe(true));
    expect(api.seen.find((r) => r.method === 'POST')?.body).toEqual({ version: 2 });
  });

  it('returns only with a comment, and shows the server’s message at the comment', async () => {
    const api = inbox([entry('a1')], {
      'POST /api/assessments/a1/return': {
        status: 400,
        body: {
          type: 'urn:custodia:problem:invalid-request',
          status: 400,
          errors: [{ field: 'comment', message: 'size must be between 0 and 10000' }],
        },
      },
    });
    fireEvent.click(await screen.findByTestId('assessment-return'));
    expect(await screen.findByText('reviews.approvals.commentRequired')).toBeInTheDocument();
    expect(api.seen.filter((r) => r.method === 'POST')).toEqual([]);
    fireEvent.change(screen.getByTestId('assessment-comment'), { target: { value: 'Item 3 is missing.' } });
    fireEvent.click(screen.getByTestId('assessment-return'));
    expect(await screen.findByText('size must be between 0 and 10000')).toBeInTheDocument();
    expect(screen.getByTestId('assessment-comment')).toHaveAttribute('aria-invalid', 'true');
    expect(api.seen.find((r) => r.method === 'POST')?.body).toEqual({ version: 2, comment: 'Item 3 is missing.' });
  });

  it('shows a refusal of the inbox itself', async () => {
    renderWithApp(<AssessmentInboxSection />, {
      api: fakeApi({
        'GET /api/assessments/inbox': { status: 403, body: { type: 'urn:custodia:problem:forbidden', status: 403 } },
      }),
    });
    expect(await screen.findByTestId('problem')).toHaveTextContent('problem.forbidden');
  });

  it('pages like the other lists: 25 a page, the pager only when there is more than one page', async () => {
    const pageOf = (page: number, total: number) => ({
      status: 200,
      body: { items: [entry(`a${page}`)], page, size: 25, total },
    });
    const api = fakeApi({
      'GET /api/assessments/inbox': (request) =>
        pageOf(Number(new URL(request.path, 'http://x').searchParams.get('page')), 30),
      'GET /api/methodology/instruments': { status: 200, body: [] },
    });
    renderWithApp(<AssessmentInboxSection />, { api, signedIn: signedInAs('supervisor-1') });
    expect(await screen.findByTestId('assessment-inbox-item')).toHaveAttribute('data-number', 'N-a0');
    expect(api.seen.find((r) => r.path.startsWith('/api/assessments/inbox'))?.path).toBe(
      '/api/assessments/inbox?page=0&size=25',
    );

    fireEvent.click(screen.getByRole('button', { name: 'cycle.register.page.next' }));
    await waitFor(() => expect(screen.getByTestId('assessment-inbox-item')).toHaveAttribute('data-number', 'N-a1'));
    expect(api.seen.map((r) => r.path)).toContain('/api/assessments/inbox?page=1&size=25');
  });

  it('shows no pager when the inbox fits on one page', async () => {
    inbox([entry('a1')]);
    await screen.findByTestId('assessment-inbox-item');
    expect(screen.queryByRole('button', { name: 'cycle.register.page.next' })).toBeNull();
  });
});
