import { describe, expect, it } from 'vitest';

import { cellText, cellValue } from '../api';

const format = (n: number) => `#${n}`;

describe('an indicator cell', () => {
  it('shows a suppressed cell as suppressed, never as 0', () => {
    expect(cellText({ suppressed: true }, format, 'suppressed')).toBe('suppressed');
    expect(cellText({ value: undefined, suppressed: false }, format, 'suppressed')).toBe('suppressed');
    expect(cellValue({ suppressed: true })).toBeNull();
  });

  it('shows a figure through the number format, 0 included when it is one', () => {
    expect(cellText({ value: 12, suppressed: false }, format, 'suppressed')).toBe('#12');
    expect(cellValue({ value: 12, suppressed: false })).toBe(12);
  });
});
