import type { Definition } from '../instruments/api';
import { definitionReducer, nextCode, withType, type DefinitionAction } from '../instruments/definition';

const base: Definition = {
  sections: [
    {
      code: 'screen',
      title: { kk: 'Скрининг' },
      items: [
        { code: 'violent', type: 'YES_NO', label: { kk: 'Зорлық' }, yesScore: 3 },
        {
          code: 'weapon',
          type: 'SINGLE_CHOICE',
          label: { kk: 'Қару' },
          options: [
            { code: 'none', label: { kk: 'Жоқ' }, score: 0 },
            { code: 'blade', label: { kk: 'Пышақ' }, score: 2 },
          ],
        },
        { code: 'age', type: 'NUMBER', label: { kk: 'Жасы' }, scoreBands: [{ to: 25, score: 2 }] },
      ],
    },
  ],
  scales: [
    { code: 'total', name: { kk: 'Барлығы' }, method: 'SUM', items: ['violent', 'weapon', 'age'] },
    { code: 'double', name: { kk: 'Екі есе' }, method: 'FORMULA', formula: 'scales.total * 2.0' },
  ],
  overall: { mode: 'FORMULA', formula: 'levels.total' },
};
const apply = (...actions: DefinitionAction[]) => actions.reduce(definitionReducer, base);
const item = (definition: Definition, i: number) => definition.sections?.[0]?.items?.[i];

describe('definitionReducer', () => {
  it('a new type keeps only the fields that type may have (the API refuses the others)', () => {
    expect(item(apply({ type: 'updateItem', section: 0, item: 1, patch: { type: 'NUMBER' } }), 1)).toEqual({
      code: 'weapon',
      type: 'NUMBER',
      label: { kk: 'Қару' },
    });
    expect(withType({ code: 'x', type: 'NUMBER', scoreBands: [{ score: 1 }] }, 'MULTI_CHOICE')).toEqual({
      code: 'x',
      type: 'MULTI_CHOICE',
      options: [],
    });
    expect(withType({ code: 'x', type: 'YES_NO', yesScore: 2, noScore: 0 }, 'TEXT')).toEqual({
      code: 'x',
      type: 'TEXT',
    });
  });

  it('renaming an item renames it in the scales that sum it; removing it removes it there', () => {
    const renamed = apply({ type: 'updateItem', section: 0, item: 0, patch: { code: 'violence' } });
    expect(renamed.scales?.[0]?.items).toEqual(['violence', 'weapon', 'age']);
    const removed = apply({ type: 'removeItem', section: 0, item: 1 });
    expect(removed.sections?.[0]?.items?.map((i) => i.code)).toEqual(['violent', 'age']);
    expect(removed.scales?.[0]?.items).toEqual(['violent', 'age']);
    expect(apply({ type: 'removeSection', section: 0 }).scales?.[0]?.items).toEqual([]);
  });

  it('an emptied condition is left out rather than sent blank; an emptied number field too', () => {
    const withCondition = apply({ type: 'updateItem', section: 0, item: 1, patch: { condition: 'answers.violent' } });
    expect(item(withCondition, 1)?.condition).toBe('answers.violent');
    const emptied = definitionReducer(withCondition, {
      type: 'updateItem',
      section: 0,
      item: 1,
      patch: { condition: ' ' },
    });
    expect(item(emptied, 1)).not.toHaveProperty('condition');
    expect(
      item(apply({ type: 'updateItem', section: 0, item: 0, patch: { yesScore: undefined } }), 0),
    ).not.toHaveProperty('yesScore');
  });

  it('switching a scale between SUM and FORMULA keeps only what the method uses', () => {
    const formula = apply({ type: 'updateScale', scale: 0, patch: { method: 'FORMULA' } }).scales?.[0];
    expect(formula).toEqual({ code: 'total', name: { kk: 'Барлығы' }, method: 'FORMULA', formula: '' });
    const sum = apply({ type: 'updateScale', scale: 1, patch: { method: 'SUM' } }).scales?.[1];
    expect(sum).toEqual({ code: 'double', name: { kk: 'Екі есе' }, method: 'SUM', items: [] });
  });

  it('a JUDGEMENT rating has no formula; choosing a formula mode again starts an empty one', () => {
    const judgement = apply({ type: 'updateOverall', patch: { mode: 'JUDGEMENT' } });
    expect(judgement.overall).toEqual({ mode: 'JUDGEMENT' });
    expect(definitionReducer(judgement, { type: 'updateOverall', patch: { mode: 'BOTH' } }).overall).toEqual({
      mode: 'BOTH',
      formula: '',
    });
  });

  it('adds entries with codes not yet taken, and bands that start where the last one ends', () => {
    expect(item(apply({ type: 'addItem', section: 0 }), 3)).toEqual({ code: 'item_1', type: 'YES_NO', label: {} });
    expect(apply({ type: 'addSection' }).sections?.[1]?.code).toBe('section_1');
    expect(item(apply({ type: 'addOption', section: 0, item: 1 }), 1)?.options?.[2]).toEqual({
      code: 'option_1',
      label: {},
      score: 0,
    });
    expect(item(apply({ type: 'addScoreBand', section: 0, item: 2 }), 2)?.scoreBands).toEqual([
      { to: 25, score: 2 },
      { from: 25, score: 0 },
    ]);
    const banded = apply({ type: 'addBand', scale: 0 }, { type: 'updateBand', scale: 0, band: 0, patch: { to: 4 } });
    expect(definitionReducer(banded, { type: 'addBand', scale: 0 }).scales?.[0]?.bands).toEqual([
      { level: '', to: 4 },
      { from: 4, level: '' },
    ]);
    expect(nextCode('item', ['item_1', 'item_3', undefined])).toBe('item_2');
  });

  it('moves entries within their list, and never past either end', () => {
    expect(apply({ type: 'moveItem', section: 0, item: 2, by: -1 }).sections?.[0]?.items?.map((i) => i.code)).toEqual([
      'violent',
      'age',
      'weapon',
    ]);
    expect(apply({ type: 'moveScale', scale: 1, by: 1 }).scales?.map((s) => s.code)).toEqual(['total', 'double']);
    expect(
      item(apply({ type: 'moveOption', section: 0, item: 1, option: 0, by: 1 }), 1)?.options?.map((o) => o.code),
    ).toEqual(['blade', 'none']);
  });

  it('leaves the rest of the document untouched (same objects), so unchanged parts do not re-render', () => {
    const next = apply({ type: 'updateOption', section: 0, item: 1, option: 1, patch: { score: 3 } });
    expect(item(next, 1)?.options?.[1]?.score).toBe(3);
    expect(item(next, 0)).toBe(item(base, 0));
    expect(next.scales).toBe(base.scales);
    expect(item(base, 1)?.options?.[1]?.score).toBe(2);
  });
});
