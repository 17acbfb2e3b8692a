import { fireEvent, screen, waitFor } from '@testing-library/react';

import { fakeApi, renderWithApp, signedInAs } from '../../../test/renderWithApp';
import ApprovalInboxPage from '../ApprovalInboxPage';

const item = (id: string) => ({
  id,
  prisonerId: `p-${id}`,
  prisonerNumber: `N-${id}`,
  familyName: 'Testov',
  givenNames: 'Erlan',
  category: 'B',
  proposedCategory: 'B',
  proposedBy: { subject: 'assessor-1', username: 'kz.assessor' },
  submittedAt: '2026-05-02T10:00:00Z',
  version: 1,
  mayDecide: true,
});

const pageParam = (path: string) => Number(new URL(path, 'http://x').searchParams.get('page'));

/** A classification inbox of `waiting()` decisions, 25 a page, as the API pages it. */
function classificationInbox(waiting: () => string[], routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/classifications/inbox': (request) => {
      const page = pageParam(request.path);
      const ids = waiting();
      return {
        status: 200,
        body: { items: ids.slice(page * 25, page * 25 + 25).map(item), page, size: 25, total: ids.length },
      };
    },
    'GET /api/assessments/inbox': { status: 200, body: { items: [], page: 0, size: 25, total: 0 } },
    ...routes,
  });
  renderWithApp(<ApprovalInboxPage />, { api, signedIn: signedInAs('supervisor-1') });
  return api;
}

const shownNumbers = () => screen.getAllByTestId('inbox-item').map((card) => card.getAttribute('data-number'));

describe('ApprovalInboxPage classifications', () => {
  it('pages through every waiting decision, 25 a page, with the total', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const api = classificationInbox(() => ids);
    await waitFor(() => expect(shownNumbers()).toHaveLength(25));
    expect(screen.getByText('cycle.inbox.total')).toBeInTheDocument();
    expect(api.seen.map((r) => r.path)).toContain('/api/classifications/inbox?page=0&size=25');

    fireEvent.click(screen.getByRole('button', { name: 'cycle.register.page.next' }));
    await waitFor(() => expect(shownNumbers()).toEqual(['N-c25', 'N-c26', 'N-c27', 'N-c28', 'N-c29']));
  });

  it('moves to the page that is now the last when deciding empties the last one', async () => {
    const ids = Array.from({ length: 26 }, (_, i) => `c${i}`);
    classificationInbox(() => ids, {
      'POST /api/classifications/c25/approve': () => {
        ids.pop();
        return { status: 200, body: {} };
      },
    });
    await waitFor(() => expect(shownNumbers()).toHaveLength(25));
    fireEvent.click(screen.getByRole('button', { name: 'cycle.register.page.next' }));
    await waitFor(() => expect(shownNumbers()).toEqual(['N-c25']));

    fireEvent.click(screen.getByTestId('inbox-approve'));
    await waitFor(() => expect(shownNumbers()).toHaveLength(25));
    expect(shownNumbers()[0]).toBe('N-c0');
    // Page 0 was cached with 26 waiting; its refetch brings the new total, on one page.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'cycle.register.page.next' })).toBeNull());
  });

  it('shows the server’s message about the comment once, at the comment', async () => {
    classificationInbox(() => ['c0'], {
      'POST /api/classifications/c0/reject': {
        status: 400,
        body: {
          type: 'urn:custodia:problem:invalid-request',
          status: 400,
          errors: [{ field: 'comment', message: 'size must be between 0 and 10000' }],
        },
      },
    });
    fireEvent.change(await screen.findByTestId('inbox-comment'), { target: { value: 'Not this category.' } });
    fireEvent.click(screen.getByTestId('inbox-reject'));
    expect(await screen.findByTestId('problem')).toBeInTheDocument();
    expect(screen.getAllByText(/size must be between 0 and 10000/)).toHaveLength(1);
    expect(screen.getByTestId('inbox-comment')).toHaveAttribute('aria-invalid', 'true');
  });
});
