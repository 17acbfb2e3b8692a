import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { fakeApi, renderWithApp } from '../../../test/renderWithApp';
import { ReviewTriggersPanel } from '../ReviewTriggersPanel';

const PRISONER = '01900000-0000-7000-8000-000000000a01';
const TRIGGERS = `GET /api/prisoners/${PRISONER}/review-triggers`;
const RECORD = `POST /api/prisoners/${PRISONER}/review-triggers`;

const incident = {
  id: 't1',
  prisonerId: PRISONER,
  kind: 'INCIDENT',
  note: 'Fight in the canteen.',
  occurredOn: '2026-05-02',
  recordedAt: '2026-05-02T10:00:00Z',
  recordedBy: '6f1c2a9e-4b1d-4c7a-9a55-0d2f3e4b5c6d',
  recordedByName: 'kz.assessor',
};

async function chooseKind(label: string) {
  fireEvent.click(screen.getByTestId('trigger-kind'));
  fireEvent.click(await screen.findByRole('option', { name: label }));
}

describe('ReviewTriggersPanel', () => {
  it('lists the recorded triggers with their kind, day, note and who recorded them', async () => {
    renderWithApp(<ReviewTriggersPanel prisonerId={PRISONER} released={false} />, {
      api: fakeApi({ [TRIGGERS]: { status: 200, body: [incident] } }),
    });
    const trigger = await screen.findByTestId('trigger');
    expect(trigger).toHaveAttribute('data-kind', 'INCIDENT');
    expect(trigger).toHaveTextContent('reviews.kind.INCIDENT');
    expect(trigger).toHaveTextContent('Fight in the canteen.');
    // Staff see who recorded it by user name, never the token subject (a UUID).
    expect(trigger).toHaveAttribute('data-recorded-by', 'kz.assessor');
    expect(trigger.outerHTML).not.toContain(incident.recordedBy);
  });

  it('says when there is none, and offers no recording for a released prisoner', async () => {
    renderWithApp(<ReviewTriggersPanel prisonerId={PRISONER} released />, {
      api: fakeApi({ [TRIGGERS]: { status: 200, body: [] } }),
    });
    expect(await screen.findByText('reviews.triggers.none')).toBeInTheDocument();
    expect(screen.queryByTestId('trigger-open')).toBeNull();
  });

  it('asks for the kind before sending anything', async () => {
    const api = fakeApi({ [TRIGGERS]: { status: 200, body: [] } });
    renderWithApp(<ReviewTriggersPanel prisonerId={PRISONER} released={false} />, { api });
    fireEvent.click(await screen.findByTestId('trigger-open'));
    fireEvent.click(screen.getByTestId('trigger-submit'));
    expect(await screen.findByText('reviews.triggers.kindRequired')).toBeInTheDocument();
    expect(api.seen.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('shows the server’s refusal at the field it names, keeping the input', async () => {
    const api = fakeApi({
      [TRIGGERS]: { status: 200, body: [] },
      [RECORD]: {
        status: 400,
        body: {
          type: 'urn:custodia:problem:invalid-request',
          status: 400,
          errors: [{ field: 'occurredOn', message: 'must not be in the future' }],
        },
      },
    });
    renderWithApp(<ReviewTriggersPanel prisonerId={PRISONER} released={false} />, { api });
    fireEvent.click(await screen.findByTestId('trigger-open'));
    await chooseKind('reviews.kind.REQUEST');
    fireEvent.change(screen.getByTestId('trigger-note'), { target: { value: 'Asked by the prisoner.' } });
    fireEvent.click(screen.getByTestId('trigger-submit'));
    expect(await screen.findByText('must not be in the future')).toBeInTheDocument();
    expect(screen.getByTestId('trigger-occurred-on')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('trigger-note')).toHaveValue('Asked by the prisoner.');
    expect(within(screen.getByTestId('problem')).getByText('problem.invalidRequest')).toBeInTheDocument();
  });

  it('records the trigger, sends kind, day and note, and closes the form', async () => {
    let recorded = false;
    const api = fakeApi({
      [TRIGGERS]: () => ({ status: 200, body: recorded ? [incident] : [] }),
      [RECORD]: () => {
        recorded = true;
        return { status: 201, body: incident };
      },
    });
    renderWithApp(<ReviewTriggersPanel prisonerId={PRISONER} released={false} />, { api });
    fireEvent.click(await screen.findByTestId('trigger-open'));
    await chooseKind('reviews.kind.INCIDENT');
    fireEvent.change(screen.getByTestId('trigger-occurred-on'), { target: { value: '2026-05-02' } });
    fireEvent.change(screen.getByTestId('trigger-note'), { target: { value: '  Fight in the canteen.  ' } });
    fireEvent.click(screen.getByTestId('trigger-submit'));
    await screen.findByTestId('trigger');
    await waitFor(() => expect(screen.queryByTestId('trigger-form')).toBeNull());
    expect(api.seen.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'INCIDENT',
      note: 'Fight in the canteen.',
      occurredOn: '2026-05-02',
    });
  });
});
