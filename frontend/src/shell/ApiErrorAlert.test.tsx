import { screen } from '@testing-library/react';

import { ApiError, toProblem } from '../api/problem';
import { fakeApi, renderWithApp } from '../test/renderWithApp';
import { ApiErrorAlert } from './ApiErrorAlert';

describe('ApiErrorAlert', () => {
  it('shows the API’s refusal in the user’s language as one alert', () => {
    const error = new ApiError(toProblem({ type: 'urn:custodia:problem:forbidden', status: 403 }, 403));
    renderWithApp(<ApiErrorAlert error={error} />, { api: fakeApi({}) });
    expect(screen.getByRole('alert')).toHaveTextContent('problem.forbidden');
  });

  it('shows nothing without an error, or for one that is not the API’s', () => {
    renderWithApp(
      <>
        <ApiErrorAlert error={null} />
        <ApiErrorAlert error={new Error('network')} />
      </>,
      { api: fakeApi({}) },
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('network')).toBeNull();
  });
});
