import { filtersFromParams, filtersToParams, filtersToQuery, NO_FILTERS } from '../api';

describe('audit filters ↔ address ↔ API', () => {
  it('round-trips the filters through the address', () => {
    const filters = {
      ...NO_FILTERS,
      action: 'prisoner.read',
      entityType: 'prisoner',
      entityId: '0190a0b0-0000-7000-8000-000000000001',
      from: '2026-11-01T08:00',
    };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersToParams(NO_FILTERS).toString()).toBe('');
  });

  it('drops an entity id that is no UUID and a time that is no time', () => {
    expect(filtersFromParams(new URLSearchParams('entityId=abc&from=yesterday&actor=kz.assessor'))).toEqual({
      ...NO_FILTERS,
      actor: 'kz.assessor',
    });
  });

  it('sends local times as instants and pages by the last sequence number seen', () => {
    const query = filtersToQuery({ ...NO_FILTERS, from: '2026-11-01T08:00', actor: 'kz.auditor' }, 120);
    expect(query).toEqual({
      actor: 'kz.auditor',
      from: new Date('2026-11-01T08:00').toISOString(),
      beforeSeq: 120,
      limit: 50,
    });
    expect(filtersToQuery(NO_FILTERS)).toEqual({ limit: 50 });
  });
});
