import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { initReactI18next } from 'react-i18next';

import { ApiContext } from '../../../api/ApiContext';
import type { ApiClient } from '../../../api/client';
import type { Definition } from '../../methodology/instruments/api';
import type { Judgement } from '../api';
import { AssessmentForm } from '../AssessmentForm';
import type { Answers } from '../conditions';

const definition: Definition = {
  sections: [
    {
      code: 'screen',
      title: { en: 'Screen' },
      items: [
        {
          code: 'violent_offence',
          type: 'YES_NO',
          required: true,
          label: { en: 'The current offence involved violence' },
          guidance: { en: 'Count threats too.' },
        },
        {
          code: 'weapon',
          type: 'SINGLE_CHOICE',
          condition: 'has(answers.violent_offence) && answers.violent_offence == true',
          label: { en: 'Weapon used' },
          options: [
            { code: 'none', label: { en: 'None' }, score: 0 },
            { code: 'blade', label: { en: 'Blade' }, score: 2 },
          ],
        },
        { code: 'age', type: 'NUMBER', required: true, label: { en: 'Age' } },
        {
          code: 'harms',
          type: 'MULTI_CHOICE',
          label: { en: 'Harms' },
          options: [
            { code: 'self', label: { en: 'Self' }, score: 1 },
            { code: 'others', label: { en: 'Others' }, score: 1 },
          ],
        },
        { code: 'seen_on', type: 'DATE', label: { en: 'Seen on' } },
        { code: 'notes', type: 'TEXT', label: { en: 'Notes' } },
      ],
    },
  ],
  overall: { mode: 'JUDGEMENT' },
};

const api = {
  GET: async () => ({
    data: { version: 0, levels: [{ code: 'HIGH', commonLevel: 'HIGH', name: { en: 'High' } }] },
    response: new Response(),
  }),
} as unknown as ApiClient;

function Harness({
  errors = {},
  readOnly = false,
  onAnswer,
}: {
  errors?: Record<string, string>;
  readOnly?: boolean;
  onAnswer?: (code: string, value: unknown) => void;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const [judgement, setJudgement] = useState<Judgement>({});
  return (
    <AssessmentForm
      definition={definition}
      answers={answers}
      judgement={judgement}
      onAnswer={(code, value) => {
        onAnswer?.(code, value);
        setAnswers((a) => Object.fromEntries(Object.entries({ ...a, [code]: value }).filter(([, v]) => v !== null)));
      }}
      onJudgement={setJudgement}
      errors={errors}
      readOnly={readOnly}
    />
  );
}

function renderForm(props: Parameters<typeof Harness>[0] = {}) {
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <ApiContext value={api}>
          <Harness {...props} />
        </ApiContext>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('AssessmentForm', () => {
  // Keys stand for the messages: the test reads what the form does, not the words.
  beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: {} }));

  it('renders every item type with its label, guidance and required mark', () => {
    renderForm();
    expect(screen.getByRole('group', { name: 'Screen' })).toBeInTheDocument();
    const violent = screen.getByRole('radiogroup', { name: /The current offence involved violence/ });
    expect(within(violent).getByRole('radio', { name: 'entry.yes' })).toBeInTheDocument();
    expect(screen.getByText('Count threats too.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Age/ })).toBeRequired();
    expect(screen.getByRole('checkbox', { name: 'Self' })).toBeInTheDocument();
    expect(screen.getByLabelText('Seen on')).toHaveAttribute('type', 'date');
    expect(screen.getByRole('textbox', { name: 'Notes' })).not.toBeRequired();
    // SPJ: the rater's judgement with its rationale.
    expect(screen.getByRole('textbox', { name: /entry.judgement.rationale/ })).toBeInTheDocument();
  });

  it('shows a conditional item when its condition holds and hides it again', () => {
    const onAnswer = vi.fn();
    renderForm({ onAnswer });
    expect(screen.queryByRole('radiogroup', { name: 'Weapon used' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'entry.yes' }));
    expect(onAnswer).toHaveBeenLastCalledWith('violent_offence', true);
    const weapon = screen.getByRole('radiogroup', { name: 'Weapon used' });
    fireEvent.click(within(weapon).getByRole('radio', { name: 'Blade' }));
    expect(onAnswer).toHaveBeenLastCalledWith('weapon', 'blade');
    fireEvent.click(screen.getByRole('radio', { name: 'entry.no' }));
    expect(screen.queryByRole('radiogroup', { name: 'Weapon used' })).toBeNull();
  });

  it('answers multi-choices as lists in the options’ order, numbers as numbers, and clears on request', () => {
    const onAnswer = vi.fn();
    renderForm({ onAnswer });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Others' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Self' }));
    expect(onAnswer).toHaveBeenLastCalledWith('harms', ['self', 'others']);
    fireEvent.change(screen.getByRole('textbox', { name: /Age/ }), { target: { value: '42' } });
    expect(onAnswer).toHaveBeenLastCalledWith('age', 42);
    fireEvent.click(screen.getByTestId('clear-harms'));
    expect(onAnswer).toHaveBeenLastCalledWith('harms', null);
  });

  it('shows the server’s message at the field its path names', () => {
    renderForm({ errors: { 'answers.age': 'must be a finite number', 'judgement.rationale': 'is required' } });
    expect(screen.getByRole('textbox', { name: /Age/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be a finite number')).toBeInTheDocument();
    expect(screen.getByText('is required')).toBeInTheDocument();
  });

  it('is read-only once submitted', () => {
    renderForm({ readOnly: true });
    expect(screen.getByRole('radio', { name: 'entry.yes' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveAttribute('readonly');
  });
});
