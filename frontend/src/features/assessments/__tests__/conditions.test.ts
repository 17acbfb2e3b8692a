import type { Definition } from '../../methodology/instruments/api';
import { compileConditions, referencedItems } from '../conditions';

const chain: Definition = {
  sections: [
    {
      code: 's',
      title: { en: 'S' },
      items: [
        // Listed before what it reads: the order of evaluation comes from the references, not the listing.
        { code: 'weapon_kind', type: 'SINGLE_CHOICE', label: { en: 'Kind' }, condition: 'has(answers.weapon)' },
        {
          code: 'weapon',
          type: 'YES_NO',
          label: { en: 'Weapon' },
          condition: 'has(answers.violent) && answers.violent == true',
        },
        { code: 'violent', type: 'YES_NO', label: { en: 'Violent' } },
        { code: 'age', type: 'NUMBER', label: { en: 'Age' } },
        { code: 'young', type: 'YES_NO', label: { en: 'Young' }, condition: "answers['age'] < 25" },
      ],
    },
  ],
  overall: { mode: 'JUDGEMENT' },
};

describe('compileConditions', () => {
  const conditions = compileConditions(chain);

  it('finds the items a condition reads, in both notations', () => {
    expect(referencedItems("has(answers.a) && answers['b_2'] == 'x' || answers.a")).toEqual(['a', 'b_2']);
  });

  it('drops the answer of an item that does not apply before later conditions read it, as the server does', () => {
    const stale = { violent: false, weapon: true };
    expect(Object.fromEntries(conditions.applicability(stale))).toEqual({
      violent: true,
      weapon: false,
      // weapon was answered, but it does not apply: its answer does not make weapon_kind apply.
      weapon_kind: false,
      age: true,
      young: false,
    });
    expect(conditions.applicability({ violent: true, weapon: true }).get('weapon_kind')).toBe(true);
  });

  it('compares whole numbers as CEL ints with doubles; an unanswered item makes the condition false', () => {
    expect(conditions.applicability({ age: 24 }).get('young')).toBe(true);
    expect(conditions.applicability({ age: 24.5 }).get('young')).toBe(true);
    expect(conditions.applicability({ age: 40 }).get('young')).toBe(false);
    expect(conditions.applicability({}).get('young')).toBe(false);
  });
});
