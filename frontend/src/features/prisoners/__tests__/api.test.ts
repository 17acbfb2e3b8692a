import {
  EMPTY_DRAFT,
  EMPTY_SEARCH,
  FORM_FIELDS,
  placeProblems,
  searchFromParams,
  searchToParams,
  searchToQuery,
  toDraft,
  toPrisonerForm,
  type Prisoner,
} from '../api';

describe('register search ↔ address', () => {
  it('round-trips every filter, pages counted from 1 in the address', () => {
    const search = {
      text: 'Ivanov',
      facilityId: '0190a0b0-0000-7000-8000-000000000001',
      category: 'MAXIMUM',
      reviewDueBy: '2027-01-31',
      legalStatus: 'SENTENCED' as const,
      page: 2,
    };
    const params = searchToParams(search);
    expect(params.get('page')).toBe('3');
    expect(params.get('q')).toBe('Ivanov');
    expect(searchFromParams(params)).toEqual(search);
  });

  it('leaves out what is not set, so the plain register has a plain address', () => {
    expect(searchToParams(EMPTY_SEARCH).toString()).toBe('');
    expect(searchToParams({ ...EMPTY_SEARCH, text: '   ' }).toString()).toBe('');
  });

  it('ignores malformed values from a hand-edited address', () => {
    const search = searchFromParams(new URLSearchParams('page=-4&legalStatus=FREE&reviewDueBy=tomorrow&q=x'));
    expect(search).toEqual({ ...EMPTY_SEARCH, text: 'x' });
    expect(searchFromParams(new URLSearchParams('page=2.5')).page).toBe(0);
  });

  it('asks the API only for the filters set, with the page and its size', () => {
    expect(searchToQuery({ ...EMPTY_SEARCH, text: ' Ivanov ', page: 1 })).toEqual({
      text: 'Ivanov',
      page: 1,
      size: 20,
    });
    expect(searchToQuery({ ...EMPTY_SEARCH, legalStatus: 'REMAND', category: 'OPEN' })).toEqual({
      legalStatus: 'REMAND',
      category: 'OPEN',
      page: 0,
      size: 20,
    });
  });
});

describe('registration form ↔ API', () => {
  const draft = {
    ...EMPTY_DRAFT,
    number: ' KZ-1 ',
    familyName: ' Ivanov ',
    givenNames: 'Ivan',
    dateOfBirth: '1990-02-03',
    sex: 'M' as const,
    citizenship: 'kaz',
    legalStatus: 'SENTENCED' as const,
    admittedOn: '2026-01-10',
    facilityId: 'f1',
    flags: ['veo', ' '],
    offences: ['KZ-UK-99'],
  };

  it('trims texts, capitalises codes and leaves the sentence out when there is none', () => {
    expect(toPrisonerForm(draft)).toEqual({
      number: 'KZ-1',
      familyName: 'Ivanov',
      givenNames: 'Ivan',
      dateOfBirth: '1990-02-03',
      sex: 'M',
      citizenship: 'KAZ',
      legalStatus: 'SENTENCED',
      admittedOn: '2026-01-10',
      facilityId: 'f1',
      flags: ['VEO'],
      offences: ['KZ-UK-99'],
    });
  });

  it('sends the sentence with only the values given, and the version when editing', () => {
    const form = toPrisonerForm(
      {
        ...draft,
        hasSentence: true,
        sentence: { start: '2026-01-01', lengthMonths: '36', life: false, expectedRelease: '', courtRegime: ' ' },
      },
      4,
    );
    expect(form.sentence).toEqual({ start: '2026-01-01', lengthMonths: 36, life: false });
    expect(form.version).toBe(4);
  });

  it('shows a saved prisoner as the form holds it, and back unchanged', () => {
    const prisoner: Prisoner = {
      id: 'p1',
      version: 2,
      ...toPrisonerForm(draft),
      sentence: {
        start: '2026-01-01',
        lengthMonths: 12,
        life: false,
        expectedRelease: '2027-01-01',
        courtRegime: 'STRICT',
      },
    };
    const shown = toDraft(prisoner);
    expect(shown.hasSentence).toBe(true);
    expect(shown.sentence.lengthMonths).toBe('12');
    const { version, ...back } = toPrisonerForm(shown, 2);
    expect(version).toBe(2);
    expect(back).toEqual({ ...toPrisonerForm(draft), sentence: prisoner.sentence });
  });

  it('puts each refusal at its field: nested paths at the sentence field, list items at the list', () => {
    const { placed, general } = placeProblems(
      [
        { field: 'sentence.expectedRelease', message: 'must be after the start' },
        { field: 'offences[0]', message: 'unknown offence' },
        { field: 'number', message: 'already registered' },
        { field: 'somethingElse', message: 'odd' },
      ],
      FORM_FIELDS,
    );
    expect(placed.map((p) => [p.field, p.message])).toEqual([
      ['sentence.expectedRelease', 'must be after the start'],
      ['offences', 'unknown offence'],
      ['number', 'already registered'],
    ]);
    expect(general.map((p) => p.field)).toEqual(['somethingElse']);
  });
});
