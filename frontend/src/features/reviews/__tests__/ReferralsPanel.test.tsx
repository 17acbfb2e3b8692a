import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { fakeApi, renderWithApp, type SeenRequest } from '../../../test/renderWithApp';
import { ReferralsPanel } from '../ReferralsPanel';

const PRISONER = '01900000-0000-7000-8000-000000000b01';
const LIST = `GET /api/prisoners/${PRISONER}/referrals`;
const PROPOSE = `POST /api/prisoners/${PRISONER}/referrals/proposals`;

const referral = (id: string, programmeCode: string, status: string, version = 0) => ({
  id,
  prisonerId: PRISONER,
  programmeCode,
  need: 'education',
  status,
  version,
  updatedBy: '0b7e1d2c-3a4f-4e5d-8c6b-7a8f9e0d1c2b',
  updatedByName: 'kg.assessor',
  updatedAt: '2026-05-02T10:00:00Z',
});

const programmes = {
  status: 200,
  body: {
    version: 1,
    programmes: [{ code: 'basic_education', name: { en: 'Basic education' }, needs: ['education'] }],
  },
};

function panel(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({ 'GET /api/methodology/programmes': programmes, ...routes });
  renderWithApp(<ReferralsPanel prisonerId={PRISONER} released={false} />, { api });
  return api;
}

const posts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');

describe('ReferralsPanel', () => {
  it('proposes from the needs and says what became of each programme', async () => {
    let proposed = false;
    panel({
      [LIST]: () => ({ status: 200, body: proposed ? [referral('r1', 'basic_education', 'PROPOSED')] : [] }),
      [PROPOSE]: () => {
        proposed = true;
        return {
          status: 200,
          body: [
            { programmeCode: 'basic_education', need: 'education', outcome: 'PROPOSED' },
            { programmeCode: 'vocational_training', need: 'employment', outcome: 'NOT_ELIGIBLE' },
          ],
        };
      },
    });
    expect(await screen.findByText('reviews.referrals.none')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('propose-referrals'));
    const outcomes = await screen.findAllByTestId('proposal-outcome');
    expect(outcomes.map((o) => o.getAttribute('data-outcome'))).toEqual(['PROPOSED', 'NOT_ELIGIBLE']);
    const card = await screen.findByTestId('referral');
    // The programme is named in the user's language from the catalogue.
    expect(card).toHaveTextContent('Basic education');
    expect(within(card).getByTestId('referral-REFERRED')).toBeInTheDocument();
    expect(within(card).getByTestId('referral-DECLINED')).toBeInTheDocument();
  });

  it('offers only the steps the referral’s status allows', async () => {
    panel({ [LIST]: { status: 200, body: [referral('r1', 'basic_education', 'COMPLETED')] } });
    const card = await screen.findByTestId('referral');
    expect(card).toHaveAttribute('data-status', 'COMPLETED');
    expect(within(card).queryByRole('button')).toBeNull();
    // Who changed it last is shown by user name, never by token subject.
    expect(card).toHaveAttribute('data-updated-by', 'kg.assessor');
    expect(card.outerHTML).not.toContain('0b7e1d2c-3a4f-4e5d-8c6b-7a8f9e0d1c2b');
  });

  it('accepts a proposal in one step', async () => {
    const api = panel({
      [LIST]: { status: 200, body: [referral('r1', 'basic_education', 'PROPOSED', 3)] },
      'POST /api/referrals/r1/status': { status: 200, body: referral('r1', 'basic_education', 'REFERRED', 4) },
    });
    fireEvent.click(await screen.findByTestId('referral-REFERRED'));
    await waitFor(() => expect(posts(api.seen)).toHaveLength(1));
    expect(posts(api.seen)[0]?.body).toEqual({ status: 'REFERRED', version: 3 });
  });

  it('declines only with a reason, and shows a refusal of the server at the reason', async () => {
    const api = panel({
      [LIST]: { status: 200, body: [referral('r1', 'basic_education', 'PROPOSED', 2)] },
      'POST /api/referrals/r1/status': {
        status: 422,
        body: {
          type: 'urn:custodia:problem:business-rule',
          status: 422,
          errors: [{ field: 'reason', message: 'a reason is required' }],
        },
      },
    });
    fireEvent.click(await screen.findByTestId('referral-DECLINED'));
    fireEvent.click(screen.getByTestId('referral-confirm'));
    expect(await screen.findByText('reviews.referrals.reasonRequired')).toBeInTheDocument();
    expect(posts(api.seen)).toEqual([]);
    fireEvent.change(screen.getByTestId('referral-reason'), { target: { value: 'Not now.' } });
    fireEvent.click(screen.getByTestId('referral-confirm'));
    expect(await screen.findByText('a reason is required')).toBeInTheDocument();
    expect(screen.getByTestId('referral-reason')).toHaveValue('Not now.');
    expect(posts(api.seen)[0]?.body).toEqual({ status: 'DECLINED', version: 2, reason: 'Not now.' });
  });

  it('completes with a review trigger unless the user unticks it', async () => {
    const api = panel({
      [LIST]: { status: 200, body: [referral('r1', 'basic_education', 'STARTED', 5)] },
      'POST /api/referrals/r1/status': { status: 200, body: referral('r1', 'basic_education', 'COMPLETED', 6) },
    });
    fireEvent.click(await screen.findByTestId('referral-COMPLETED'));
    expect(screen.getByTestId('referral-trigger-review')).toBeChecked();
    fireEvent.click(screen.getByTestId('referral-confirm'));
    await waitFor(() => expect(posts(api.seen)).toHaveLength(1));
    expect(posts(api.seen)[0]?.body).toEqual({ status: 'COMPLETED', version: 5, triggerReview: true });
  });

  it('shows a stale version as a conflict', async () => {
    panel({
      [LIST]: { status: 200, body: [referral('r1', 'basic_education', 'REFERRED', 1)] },
      'POST /api/referrals/r1/status': {
        status: 409,
        body: { type: 'urn:custodia:problem:conflict', status: 409, detail: 'stale version' },
      },
    });
    fireEvent.click(await screen.findByTestId('referral-STARTED'));
    const problem = await screen.findByTestId('problem');
    expect(problem).toHaveTextContent('problem.conflict');
    expect(problem).toHaveTextContent('stale version');
  });
});
