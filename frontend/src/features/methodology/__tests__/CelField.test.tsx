import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';

import { CelField } from '../shared/CelField';
import { indexProblems } from '../shared/fieldProblems';
import { ProblemsContext } from '../shared/ProblemsContext';

function renderField(value: string, problems: Parameters<typeof indexProblems>[0]) {
  return render(
    <MantineProvider>
      <ProblemsContext value={indexProblems(problems)}>
        <CelField path="definition.scales.2.formula" label="Formula" value={value} onChange={() => undefined} />
      </ProblemsContext>
    </MantineProvider>,
  );
}

describe('CelField', () => {
  it('shows the checker’s message at the field, marks the character and selects it on request', () => {
    const source = 'scales.total * 2';
    renderField(source, [
      { field: 'definition.scales[2].formula', message: "found no matching overload for '_*_'", line: 1, column: 14 },
      { field: 'definition.scales[1].formula', message: 'another field' },
    ]);
    const area = screen.getByRole('textbox', { name: 'Formula' });
    expect(area).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('cel-error')).toHaveTextContent('methodology.cel.errorAt');
    const marker = screen.getByTestId('cel-marker');
    expect(marker).toHaveAttribute('data-line', '1');
    expect(marker).toHaveAttribute('data-column', '14');
    expect(marker.querySelector('mark')).toHaveTextContent('*');
    fireEvent.click(screen.getByRole('button', { name: 'methodology.cel.showPosition' }));
    expect(area).toHaveFocus();
    expect([(area as HTMLTextAreaElement).selectionStart, (area as HTMLTextAreaElement).selectionEnd]).toEqual([
      13, 14,
    ]);
  });

  it('is a plain field when its expression has no problem', () => {
    renderField('levels.total', [{ field: 'definition.overall.formula', message: 'elsewhere' }]);
    expect(screen.getByRole('textbox', { name: 'Formula' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('cel-marker')).toBeNull();
  });
});
