import { append, move, removeAt, updateAt } from '../shared/lists';
import type { Band, Definition, Item, ItemType, Option, Overall, Scale, ScoreBand, Section } from './api';

/**
 * Edits of an instrument definition as the builder makes them: pure, so every rule below is tested without a
 * browser. The document stays exactly what the API accepts (unknown fields are refused), so nothing here adds
 * fields of its own; rules that keep it consistent:
 * - an item's type decides which of options, scoreBands, yesScore/noScore it may have;
 * - renaming or removing an item renames or removes it in the scales that sum it;
 * - a SUM scale has items and missing-data rules, a FORMULA scale a formula; a JUDGEMENT rating no formula;
 * - an emptied optional expression (a condition) is removed rather than sent blank.
 */
export type DefinitionAction =
  | { type: 'replace'; definition: Definition }
  | { type: 'addSection' }
  | { type: 'removeSection'; section: number }
  | { type: 'moveSection'; section: number; by: -1 | 1 }
  | { type: 'updateSection'; section: number; patch: Partial<Section> }
  | { type: 'addItem'; section: number }
  | { type: 'removeItem'; section: number; item: number }
  | { type: 'moveItem'; section: number; item: number; by: -1 | 1 }
  | { type: 'updateItem'; section: number; item: number; patch: Partial<Item> }
  | { type: 'addOption'; section: number; item: number }
  | { type: 'removeOption'; section: number; item: number; option: number }
  | { type: 'moveOption'; section: number; item: number; option: number; by: -1 | 1 }
  | { type: 'updateOption'; section: number; item: number; option: number; patch: Partial<Option> }
  | { type: 'addScoreBand'; section: number; item: number }
  | { type: 'removeScoreBand'; section: number; item: number; band: number }
  | { type: 'updateScoreBand'; section: number; item: number; band: number; patch: Partial<ScoreBand> }
  | { type: 'addScale' }
  | { type: 'removeScale'; scale: number }
  | { type: 'moveScale'; scale: number; by: -1 | 1 }
  | { type: 'updateScale'; scale: number; patch: Partial<Scale> }
  | { type: 'addBand'; scale: number }
  | { type: 'removeBand'; scale: number; band: number }
  | { type: 'updateBand'; scale: number; band: number; patch: Partial<Band> }
  | { type: 'updateOverall'; patch: Partial<Overall> };

export const CHOICE_TYPES: ReadonlySet<ItemType> = new Set(['SINGLE_CHOICE', 'MULTI_CHOICE']);
/** Item types that carry a score (and so can be summed by a scale). */
export const SCORED_TYPES: ReadonlySet<ItemType> = new Set(['SINGLE_CHOICE', 'MULTI_CHOICE', 'YES_NO', 'NUMBER']);

/** "prefix_n" with the smallest n ≥ 1 that is not taken. */
export function nextCode(prefix: string, taken: Iterable<string | undefined>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

export function allItems(definition: Definition): Item[] {
  return (definition.sections ?? []).flatMap((section) => section.items ?? []);
}

/** Leaves out the keys whose value is undefined (an emptied optional field), so they are not sent at all. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** An item after a change of its type: only the fields that type may have. */
export function withType(item: Item, type: ItemType): Item {
  const next: Item = { ...item, type };
  if (!CHOICE_TYPES.has(type)) delete next.options;
  else next.options ??= [];
  if (type !== 'NUMBER') delete next.scoreBands;
  if (type !== 'YES_NO') {
    delete next.yesScore;
    delete next.noScore;
  }
  return next;
}

function patchItem(item: Item, patch: Partial<Item>): Item {
  let next = clean({ ...item, ...patch });
  if (patch.type && patch.type !== item.type) next = withType(next, patch.type);
  if ('condition' in patch && !patch.condition?.trim()) delete next.condition;
  if ('guidance' in patch && Object.keys(patch.guidance ?? {}).length === 0) delete next.guidance;
  return next;
}

function patchScale(scale: Scale, patch: Partial<Scale>): Scale {
  const next = clean({ ...scale, ...patch });
  if (patch.method && patch.method !== scale.method) {
    if (patch.method === 'FORMULA') {
      delete next.items;
      delete next.missing;
      next.formula ??= '';
    } else {
      delete next.formula;
      next.items ??= [];
    }
  }
  return next;
}

function patchOverall(overall: Overall | undefined, patch: Partial<Overall>): Overall {
  const next = clean({ ...(overall ?? {}), ...patch });
  if (next.mode === 'JUDGEMENT') delete next.formula;
  else if (patch.mode && next.formula === undefined) next.formula = '';
  return next;
}

function mapItems(definition: Definition, section: number, update: (items: Item[]) => Item[]): Definition {
  return {
    ...definition,
    sections: updateAt(definition.sections, section, (s) => ({ ...s, items: update(s.items ?? []) })),
  };
}

function mapItem(definition: Definition, section: number, item: number, update: (item: Item) => Item): Definition {
  return mapItems(definition, section, (items) => updateAt(items, item, update));
}

function mapScale(definition: Definition, scale: number, update: (scale: Scale) => Scale): Definition {
  return { ...definition, scales: updateAt(definition.scales, scale, update) };
}

/** Renames (to a code) or removes (to null) an item in the lists of the scales that sum it. */
function retargetScaleItems(definition: Definition, from: string, to: string | null): Definition {
  if (!from || !definition.scales?.some((scale) => scale.items?.includes(from))) return definition;
  return {
    ...definition,
    scales: definition.scales.map((scale) =>
      scale.items?.includes(from)
        ? {
            ...scale,
            items: to === null ? scale.items.filter((c) => c !== from) : scale.items.map((c) => (c === from ? to : c)),
          }
        : scale,
    ),
  };
}

export function definitionReducer(definition: Definition, action: DefinitionAction): Definition {
  switch (action.type) {
    case 'replace':
      return action.definition;
    case 'addSection': {
      const code = nextCode(
        'section',
        (definition.sections ?? []).map((s) => s.code),
      );
      return { ...definition, sections: append(definition.sections, { code, title: {}, items: [] }) };
    }
    case 'removeSection': {
      const removed = definition.sections?.[action.section];
      let next: Definition = { ...definition, sections: removeAt(definition.sections, action.section) };
      for (const item of removed?.items ?? []) next = retargetScaleItems(next, item.code ?? '', null);
      return next;
    }
    case 'moveSection':
      return { ...definition, sections: move(definition.sections, action.section, action.by) };
    case 'updateSection':
      return {
        ...definition,
        sections: updateAt(definition.sections, action.section, (s) => clean({ ...s, ...action.patch })),
      };
    case 'addItem': {
      const code = nextCode(
        'item',
        allItems(definition).map((i) => i.code),
      );
      return mapItems(definition, action.section, (items) => append(items, { code, type: 'YES_NO', label: {} }));
    }
    case 'removeItem': {
      const removed = definition.sections?.[action.section]?.items?.[action.item];
      const next = mapItems(definition, action.section, (items) => removeAt(items, action.item));
      return retargetScaleItems(next, removed?.code ?? '', null);
    }
    case 'moveItem':
      return mapItems(definition, action.section, (items) => move(items, action.item, action.by));
    case 'updateItem': {
      const before = definition.sections?.[action.section]?.items?.[action.item];
      const next = mapItem(definition, action.section, action.item, (item) => patchItem(item, action.patch));
      const renamed = action.patch.code !== undefined && before?.code && action.patch.code !== before.code;
      return renamed ? retargetScaleItems(next, before.code ?? '', action.patch.code ?? '') : next;
    }
    case 'addOption':
      return mapItem(definition, action.section, action.item, (item) => ({
        ...item,
        options: append(item.options, {
          code: nextCode(
            'option',
            (item.options ?? []).map((o) => o.code),
          ),
          label: {},
          score: 0,
        }),
      }));
    case 'removeOption':
      return mapItem(definition, action.section, action.item, (item) => ({
        ...item,
        options: removeAt(item.options, action.option),
      }));
    case 'moveOption':
      return mapItem(definition, action.section, action.item, (item) => ({
        ...item,
        options: move(item.options, action.option, action.by),
      }));
    case 'updateOption':
      return mapItem(definition, action.section, action.item, (item) => ({
        ...item,
        options: updateAt(item.options, action.option, (o) => clean({ ...o, ...action.patch })),
      }));
    case 'addScoreBand':
      return mapItem(definition, action.section, action.item, (item) => {
        const last = item.scoreBands?.at(-1);
        // The new band starts where the last one ends, so bands stay contiguous.
        const band: ScoreBand = last?.to !== undefined ? { from: last.to, score: 0 } : { score: 0 };
        return { ...item, scoreBands: append(item.scoreBands, band) };
      });
    case 'removeScoreBand':
      return mapItem(definition, action.section, action.item, (item) => ({
        ...item,
        scoreBands: removeAt(item.scoreBands, action.band),
      }));
    case 'updateScoreBand':
      return mapItem(definition, action.section, action.item, (item) => ({
        ...item,
        scoreBands: updateAt(item.scoreBands, action.band, (b) => clean({ ...b, ...action.patch })),
      }));
    case 'addScale': {
      const code = nextCode(
        'scale',
        (definition.scales ?? []).map((s) => s.code),
      );
      return {
        ...definition,
        scales: append(definition.scales, {
          code,
          name: {},
          method: 'SUM',
          items: [],
          missing: { maxMissing: 0, policy: 'NOT_SCORABLE' },
          bands: [],
        }),
      };
    }
    case 'removeScale':
      return { ...definition, scales: removeAt(definition.scales, action.scale) };
    case 'moveScale':
      return { ...definition, scales: move(definition.scales, action.scale, action.by) };
    case 'updateScale':
      return mapScale(definition, action.scale, (scale) => patchScale(scale, action.patch));
    case 'addBand':
      return mapScale(definition, action.scale, (scale) => {
        const last = scale.bands?.at(-1);
        const band: Band = last?.to !== undefined ? { from: last.to, level: '' } : { level: '' };
        return { ...scale, bands: append(scale.bands, band) };
      });
    case 'removeBand':
      return mapScale(definition, action.scale, (scale) => ({ ...scale, bands: removeAt(scale.bands, action.band) }));
    case 'updateBand':
      return mapScale(definition, action.scale, (scale) => ({
        ...scale,
        bands: updateAt(scale.bands, action.band, (b) => clean({ ...b, ...action.patch })),
      }));
    case 'updateOverall':
      return { ...definition, overall: patchOverall(definition.overall, action.patch) };
  }
}
