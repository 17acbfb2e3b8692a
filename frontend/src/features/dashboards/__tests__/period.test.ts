import { describe, expect, it } from 'vitest';

import { defaultPeriod, isOrdered, periodFromParams } from '../period';

describe('the period of a dashboard', () => {
  it('is the twelve months up to the current one by default, across a year end', () => {
    expect(defaultPeriod(new Date(2026, 10, 23))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultPeriod(new Date(2026, 0, 5))).toEqual({ from: '2025-02', to: '2026-01' });
  });

  it('takes the months the address holds and replaces what is not a month', () => {
    const today = new Date(2026, 10, 23);
    expect(periodFromParams(new URLSearchParams('from=2024-01&to=2024-06'), today)).toEqual({
      from: '2024-01',
      to: '2024-06',
    });
    expect(periodFromParams(new URLSearchParams('from=2024-13&to=junk'), today)).toEqual({
      from: '2025-12',
      to: '2026-11',
    });
  });

  it('knows months out of order', () => {
    expect(isOrdered({ from: '2024-02', to: '2024-01' })).toBe(false);
    expect(isOrdered({ from: '2024-01', to: '2024-01' })).toBe(true);
  });
});
