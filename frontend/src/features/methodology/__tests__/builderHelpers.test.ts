import type { Definition } from '../instruments/api';
import { describeField } from '../instruments/describeField';
import { toAnswers } from '../instruments/dryRunAnswers';

const definition: Definition = {
  sections: [
    {
      code: 'screen',
      items: [
        { code: 'violent', type: 'YES_NO' },
        {
          code: 'weapon',
          type: 'MULTI_CHOICE',
          options: [{ code: 'blade' }, { code: 'firearm' }],
        },
        { code: 'kind', type: 'SINGLE_CHOICE', options: [{ code: 'a' }] },
        { code: 'age', type: 'NUMBER' },
        { code: 'since', type: 'DATE' },
        { code: 'notes', type: 'TEXT' },
        { code: '', type: 'YES_NO' },
      ],
    },
  ],
  scales: [{ code: 'total', bands: [{ to: 3 }, { from: 3 }] }],
};

describe('describeField', () => {
  it('names the places of a problem by their codes', () => {
    expect(describeField('definition.sections[0].items[1].condition', definition)).toBe('screen › weapon › condition');
    expect(describeField('definition.sections[0].items[1].options[1].label.kk', definition)).toBe(
      'screen › weapon › firearm › label › kk',
    );
    expect(describeField('definition.scales[0].bands[1].from', definition)).toBe('total › #2 › from');
  });

  it('uses a 1-based number for an entry without a code, and the path itself beyond the document', () => {
    expect(describeField('definition.sections[0].items[6].code', definition)).toBe('screen › #7 › code');
    expect(describeField('definition.sections[3].title', definition)).toBe('#4 › title');
    expect(describeField('definition.sections', definition)).toBe('sections');
    expect(describeField('categories[0].name', { categories: [{ code: 'prison' }] })).toBe('prison › name');
  });
});

describe('toAnswers', () => {
  it('sends each answer in the type its item expects', () => {
    expect(
      toAnswers(definition, {
        violent: 'yes',
        weapon: ['firearm', 'blade'],
        kind: 'a',
        age: 22,
        since: '2024-03-01',
        notes: 'seen twice',
      }),
    ).toEqual({
      violent: true,
      weapon: ['firearm', 'blade'],
      kind: 'a',
      age: 22,
      since: '2024-03-01',
      notes: 'seen twice',
    });
    expect(toAnswers(definition, { violent: 'no', age: '0' })).toEqual({ violent: false, age: 0 });
  });

  it('leaves out what is unanswered, and what no longer fits the items (a removed item or option)', () => {
    expect(
      toAnswers(definition, {
        violent: undefined,
        weapon: [],
        kind: 'gone',
        age: '',
        notes: '  ',
        removed_item: 'yes',
      }),
    ).toEqual({});
    expect(toAnswers(definition, { weapon: ['gone', 'blade'] })).toEqual({ weapon: ['blade'] });
  });
});
