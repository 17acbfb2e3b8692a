import { screen } from '@testing-library/react';

import { fakeApi, renderWithApp } from '../../../test/renderWithApp';
import { AssessmentsPanel } from '../AssessmentsPanel';

const PRISONER = 'p1';

describe('AssessmentsPanel', () => {
  it('lists the assessments, each opening the assessment screen, and offers a new one', async () => {
    renderWithApp(<AssessmentsPanel prisonerId={PRISONER} released={false} />, {
      api: fakeApi({
        'GET /api/prisoners/p1/assessments': {
          status: 200,
          body: [
            { id: 'a2', instrumentCode: 'custody_rating', status: 'SUBMITTED', startedAt: '2026-05-02T10:00:00Z' },
            { id: 'a1', instrumentCode: 'needs_inventory', status: 'APPROVED', overallLevel: 'LOW' },
          ],
        },
        'GET /api/methodology/instruments': {
          status: 200,
          body: [{ code: 'needs_inventory', name: { en: 'Needs inventory' } }],
        },
      }),
    });
    const rows = await screen.findAllByTestId('assessment-row');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['SUBMITTED', 'APPROVED']);
    expect(await screen.findByRole('link', { name: 'Needs inventory' })).toHaveAttribute('href', '/assessments/a1');
    // An instrument the list does not know is shown by its code.
    expect(screen.getByRole('link', { name: 'custody_rating' })).toHaveAttribute('href', '/assessments/a2');
    expect(screen.getByTestId('new-assessment')).toHaveAttribute('href', '/prisoners/p1/assessments/new');
  });

  it('says when there is none, and offers none for a released prisoner', async () => {
    renderWithApp(<AssessmentsPanel prisonerId={PRISONER} released />, {
      api: fakeApi({ 'GET /api/prisoners/p1/assessments': { status: 200, body: [] } }),
    });
    expect(await screen.findByText('reviews.assessments.none')).toBeInTheDocument();
    expect(screen.queryByTestId('new-assessment')).toBeNull();
  });
});
