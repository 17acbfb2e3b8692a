import { screen, waitFor, within } from '@testing-library/react';

import { fakeApi, renderWithApp, signedInAs } from '../../../test/renderWithApp';
import type { Role } from '../../../auth/roles';
import { WaitingWork } from '../WaitingWork';

const counts = {
  'GET /api/assessments/inbox/count': { status: 200, body: { total: 3 } },
  'GET /api/classifications/inbox/count': { status: 200, body: { total: 1200 } },
  'GET /api/reviews/due/counts': { status: 200, body: { on: '2026-11-23', due: 2, overdue: 5, facilities: [] } },
};

function renderAs(roles: Role[], routes: Parameters<typeof fakeApi>[0] = counts) {
  const api = fakeApi(routes);
  renderWithApp(<WaitingWork />, { api, signedIn: { ...signedInAs('supervisor-1'), roles } });
  return api;
}

const countOf = (testId: string) => within(screen.getByTestId(testId)).getByTestId('count').textContent;

describe('WaitingWork', () => {
  it('shows a supervisor both inboxes and the reviews, each opening its list', async () => {
    renderAs(['SUPERVISOR']);
    await waitFor(() => expect(countOf('waiting-classifications')).toBe('1,200'));
    expect(countOf('waiting-assessments')).toBe('3');
    expect(countOf('waiting-overdue')).toBe('5');
    expect(countOf('waiting-due')).toBe('2');
    expect(screen.getByTestId('waiting-assessments')).toHaveAttribute('href', '/approvals');
    expect(screen.getByTestId('waiting-overdue')).toHaveAttribute('href', '/reviews');
    expect(screen.getByRole('link', { name: '3 home.waiting.assessments' })).toBeInTheDocument();
  });

  it('shows an assessor the reviews only, and never asks for the inboxes', async () => {
    const api = renderAs(['ASSESSOR']);
    await waitFor(() => expect(countOf('waiting-overdue')).toBe('5'));
    expect(screen.queryByTestId('waiting-assessments')).toBeNull();
    expect(api.seen.map((r) => r.path)).toEqual(['/api/reviews/due/counts']);
  });

  it('shows nothing, and asks nothing, to a role with no cycle work', () => {
    const api = renderAs(['ANALYST', 'AUDITOR']);
    expect(screen.queryByRole('heading', { name: 'home.waiting.title' })).toBeNull();
    expect(api.seen).toEqual([]);
  });

  it('says so at the count when the API refuses it, and still shows the others', async () => {
    renderAs(['SUPERVISOR'], {
      ...counts,
      'GET /api/reviews/due/counts': { status: 503, body: { type: 'urn:custodia:problem:unavailable', status: 503 } },
    });
    await waitFor(() => expect(countOf('waiting-assessments')).toBe('3'));
    await waitFor(() => expect(within(screen.getByTestId('waiting-overdue')).getByRole('alert')).toBeInTheDocument());
    expect(countOf('waiting-overdue')).toBe('—');
  });
});
