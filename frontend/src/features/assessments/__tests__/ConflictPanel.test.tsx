import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import type { Definition } from '../../methodology/instruments/api';
import { ConflictPanel } from '../ConflictPanel';
import type { Conflict } from '../sync';

const definition: Definition = {
  sections: [
    {
      code: 's',
      title: { en: 'S' },
      items: [
        { code: 'prior_prison', type: 'YES_NO', label: { en: 'Served a sentence before' } },
        {
          code: 'gravity',
          type: 'SINGLE_CHOICE',
          label: { en: 'Gravity' },
          options: [
            { code: 'minor', label: { en: 'Minor' }, score: 0 },
            { code: 'grave', label: { en: 'Grave' }, score: 5 },
          ],
        },
      ],
    },
  ],
  overall: { mode: 'JUDGEMENT' },
};

const conflict: Conflict = {
  mine: { answers: { prior_prison: true, gravity: 'grave' } },
  theirs: { id: 'a1', status: 'DRAFT', version: 7, answers: { prior_prison: false, gravity: 'minor' } },
  keys: ['answers.prior_prison', 'answers.gravity'],
};

describe('ConflictPanel', () => {
  beforeAll(() =>
    i18next.use(initReactI18next).init({
      lng: 'en',
      resources: {
        en: {
          translation: {
            entry: { yes: 'Yes', no: 'No', conflict: { mine: 'Yours: {{value}}', theirs: 'Server: {{value}}' } },
          },
        },
      },
    }),
  );

  it('shows both versions of each differing answer in words and sends the choice per item', () => {
    const onResolve = vi.fn();
    render(
      <MantineProvider>
        <ConflictPanel definition={definition} conflict={conflict} onResolve={onResolve} />
      </MantineProvider>,
    );
    expect(screen.getByRole('radio', { name: 'Yours: Yes' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Server: No' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Yours: Grave' })).toBeChecked();
    fireEvent.click(screen.getByRole('radio', { name: 'Server: Minor' }));
    fireEvent.click(screen.getByTestId('resolve-conflict'));
    expect(onResolve).toHaveBeenCalledWith({ 'answers.gravity': 'theirs' });
  });
});
