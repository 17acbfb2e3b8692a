import { toFacilityDraft, toFacilityForm } from '../api';

describe('facility form ↔ API', () => {
  it('sends the code in capitals, no blank names, the capacity as a number and the version', () => {
    expect(
      toFacilityForm(
        { code: ' kz-ust-1 ', name: { en: 'Colony 1', ru: ' ' }, categories: ['MAX'], capacity: '450' },
        3,
      ),
    ).toEqual({ code: 'KZ-UST-1', name: { en: 'Colony 1' }, categories: ['MAX'], capacity: 450, version: 3 });
  });

  it('shows a facility as the form holds it', () => {
    expect(
      toFacilityDraft({ id: 'f', code: 'A', name: { en: 'A' }, categories: ['MIN'], capacity: 10, population: 4 }),
    ).toEqual({
      code: 'A',
      name: { en: 'A' },
      categories: ['MIN'],
      capacity: '10',
    });
  });

  it('sends a missing capacity as one the server refuses at its field, rather than as zero', () => {
    expect(toFacilityForm({ code: 'A', name: { en: 'A' }, categories: [], capacity: '' }).capacity).toBe(-1);
  });
});
