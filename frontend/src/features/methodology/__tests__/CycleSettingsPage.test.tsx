import { fireEvent, screen, waitFor } from '@testing-library/react';

import { fakeApi, renderWithApp } from '../../../test/renderWithApp';
import CycleSettingsPage from '../cycle/CycleSettingsPage';

describe('CycleSettingsPage', () => {
  it('shows the defaults, refuses a window out of range at the field and saves a valid one', async () => {
    let saved = { preReleaseMonths: 6, version: 0 };
    const api = fakeApi({
      'GET /api/cycle-settings': () => ({ status: 200, body: saved }),
      'PUT /api/cycle-settings': ({ body }) => {
        saved = { preReleaseMonths: (body as { preReleaseMonths: number }).preReleaseMonths, version: 1 };
        return { status: 200, body: saved };
      },
    });
    renderWithApp(<CycleSettingsPage />, { api });
    const months = await screen.findByTestId('pre-release-months');
    expect(months).toHaveValue('6');
    expect(screen.getByText('reviews.settings.defaults')).toBeInTheDocument();
    fireEvent.change(months, { target: { value: '40' } });
    expect(await screen.findByText('reviews.settings.outOfRange')).toBeInTheDocument();
    expect(screen.getByTestId('cycle-save')).toBeDisabled();
    fireEvent.change(months, { target: { value: '9' } });
    fireEvent.click(screen.getByTestId('cycle-save'));
    expect(await screen.findByTestId('cycle-saved')).toBeInTheDocument();
    expect(api.seen.find((r) => r.method === 'PUT')?.body).toEqual({ preReleaseMonths: 9, version: 0 });
  });

  it('on a 409 keeps the user’s value and saves it on the newer version when they keep theirs', async () => {
    let version = 3;
    const api = fakeApi({
      'GET /api/cycle-settings': () => ({ status: 200, body: { preReleaseMonths: 6, version } }),
      'PUT /api/cycle-settings': ({ body }) =>
        (body as { version: number }).version === 4
          ? { status: 200, body: { preReleaseMonths: 12, version: 5 } }
          : { status: 409, body: { type: 'urn:custodia:problem:conflict', status: 409 } },
    });
    renderWithApp(<CycleSettingsPage />, { api });
    const months = await screen.findByTestId('pre-release-months');
    fireEvent.change(months, { target: { value: '12' } });
    version = 4; // another administrator saved meanwhile
    fireEvent.click(screen.getByTestId('cycle-save'));
    await screen.findByTestId('conflict');
    expect(screen.getByTestId('pre-release-months')).toHaveValue('12');
    fireEvent.click(screen.getByTestId('conflict-keep-mine'));
    expect(await screen.findByTestId('cycle-saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('pre-release-months')).toHaveValue('12'));
    expect(api.seen.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { preReleaseMonths: 12, version: 3 },
      { preReleaseMonths: 12, version: 4 },
    ]);
  });

  it('loads the other administrator’s value when the user takes theirs', async () => {
    let stored = { preReleaseMonths: 6, version: 1 };
    const api = fakeApi({
      'GET /api/cycle-settings': () => ({ status: 200, body: stored }),
      'PUT /api/cycle-settings': { status: 409, body: { type: 'urn:custodia:problem:conflict', status: 409 } },
    });
    renderWithApp(<CycleSettingsPage />, { api });
    fireEvent.change(await screen.findByTestId('pre-release-months'), { target: { value: '7' } });
    stored = { preReleaseMonths: 10, version: 2 };
    fireEvent.click(screen.getByTestId('cycle-save'));
    fireEvent.click(await screen.findByTestId('conflict-load-theirs'));
    await waitFor(() => expect(screen.getByTestId('pre-release-months')).toHaveValue('10'));
    expect(screen.queryByTestId('conflict')).toBeNull();
  });
});
