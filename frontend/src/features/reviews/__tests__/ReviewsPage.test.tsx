import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { fakeApi, renderWithApp } from '../../../test/renderWithApp';
import ReviewsPage from '../ReviewsPage';

const F1 = '01900000-0000-7000-8000-0000000f0001';
const F2 = '01900000-0000-7000-8000-0000000f0002';

const routes = {
  'GET /api/facilities': {
    status: 200,
    body: [
      { id: F1, code: 'KZ-01', name: { en: 'Almaty colony' } },
      { id: F2, code: 'KZ-02', name: { en: 'Karaganda colony' } },
    ],
  },
  'GET /api/reviews/due/counts': {
    status: 200,
    body: {
      on: '2026-05-10',
      due: 1,
      overdue: 2,
      facilities: [
        { facilityId: F1, facilityCode: 'KZ-01', due: 1, overdue: 2 },
        { facilityId: F2, facilityCode: 'KZ-02', due: 0, overdue: 0 },
      ],
    },
  },
  'GET /api/reviews/due': {
    status: 200,
    body: {
      on: '2026-05-10',
      page: 0,
      size: 25,
      total: 2,
      items: [
        {
          prisonerId: 'p1',
          number: 'A-1',
          familyName: 'Testov',
          givenNames: 'Erlan',
          facilityId: F1,
          nextReviewOn: '2026-05-01',
          status: 'OVERDUE',
          daysOverdue: 9,
        },
        {
          prisonerId: 'p2',
          number: 'A-2',
          familyName: 'Ivanov',
          givenNames: 'Ivan',
          facilityId: F1,
          nextReviewOn: '2026-05-10',
          status: 'DUE',
          daysOverdue: 0,
        },
      ],
    },
  },
  'GET /api/reviews/pre-release': {
    status: 200,
    body: {
      on: '2026-05-10',
      months: 6,
      page: 0,
      size: 25,
      total: 1,
      items: [
        {
          prisonerId: 'p3',
          number: 'A-3',
          familyName: 'Petrov',
          givenNames: 'Pyotr',
          facilityId: F2,
          expectedRelease: '2026-09-01',
          daysToRelease: 114,
          windowOpenedOn: '2026-03-01',
        },
      ],
    },
  },
};

describe('ReviewsPage', () => {
  it('shows the counts per facility and for the country, the due list and the pre-release list', async () => {
    renderWithApp(<ReviewsPage />, { api: fakeApi(routes), path: '/reviews' });
    const total = await screen.findByTestId('review-count-total');
    expect(total).toHaveTextContent('12');
    const rows = await screen.findAllByTestId('due-review');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['OVERDUE', 'DUE']);
    expect(within(rows[0] as HTMLElement).getByRole('link')).toHaveAttribute('href', '/prisoners/p1');
    expect(rows[0]).toHaveTextContent('Almaty colony');
    const preRelease = await screen.findByTestId('pre-release-row');
    expect(preRelease).toHaveTextContent('114');
    expect(within(preRelease).getByRole('link')).toHaveAttribute('href', '/prisoners/p3');
  });

  it('filters both lists by the facility chosen in the counts', async () => {
    const api = fakeApi(routes);
    renderWithApp(<ReviewsPage />, { api, path: '/reviews' });
    const count = await screen.findByRole('button', { name: 'Karaganda colony' });
    fireEvent.click(count);
    await waitFor(() =>
      expect(api.seen.map((r) => r.path)).toEqual(
        expect.arrayContaining([
          `/api/reviews/due?facilityId=${F2}&page=0&size=25`,
          `/api/reviews/pre-release?facilityId=${F2}&page=0&size=25`,
        ]),
      ),
    );
    expect(await screen.findByRole('button', { name: 'Karaganda colony' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('reads the facility from the address', async () => {
    const api = fakeApi(routes);
    renderWithApp(<ReviewsPage />, { api, path: `/reviews?facility=${F1}` });
    await screen.findAllByTestId('due-review');
    expect(api.seen.map((r) => r.path)).toContain(`/api/reviews/due?facilityId=${F1}&page=0&size=25`);
  });

  it('shows a refusal in the user’s language', async () => {
    renderWithApp(<ReviewsPage />, {
      api: fakeApi({
        ...routes,
        'GET /api/reviews/due': { status: 403, body: { type: 'urn:custodia:problem:forbidden', status: 403 } },
      }),
      path: '/reviews',
    });
    expect(await screen.findByText('problem.forbidden')).toBeInTheDocument();
  });
});
