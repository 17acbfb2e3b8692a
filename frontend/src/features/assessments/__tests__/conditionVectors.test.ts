import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { compileCondition, conditionAnswers } from '../conditions';

// The shared vectors (backend/src/test/resources/methodology/condition-vectors.json): the expected values are the
// server's CEL engine's (ConditionVectorsTest checks them there); here the browser's evaluator must agree.
const backend = path.resolve(__dirname, '../../../../../backend');
const vectorsFile = path.join(backend, 'src/test/resources/methodology/condition-vectors.json');

interface Vector {
  tenant: string;
  instrument: string;
  item: string;
  condition: string;
  cases: { answers: Record<string, unknown>; expected: boolean }[];
}

const vectors = (JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: Vector[] }).vectors;

describe('item conditions in the browser (@bufbuild/cel) agree with the server', () => {
  it.each(vectors.map((v) => [`${v.tenant}/${v.instrument}/${v.item}`, v] as const))('%s', (_name, vector) => {
    const condition = compileCondition(vector.condition);
    for (const c of vector.cases) {
      expect({ answers: c.answers, applies: condition(conditionAnswers(c.answers)) }).toEqual({
        answers: c.answers,
        applies: c.expected,
      });
    }
  });

  it('the vectors cover every condition of the seeded instruments', () => {
    const seeds = path.join(backend, 'src/main/resources/seed/methodology');
    const seeded: string[] = [];
    for (const tenant of readdirSync(seeds)) {
      for (const file of readdirSync(path.join(seeds, tenant))) {
        const document = JSON.parse(readFileSync(path.join(seeds, tenant, file), 'utf8')) as {
          instrument?: { code: string };
          definition?: { sections: { items: { code: string; condition?: string }[] }[] };
        };
        for (const item of (document.definition?.sections ?? []).flatMap((s) => s.items)) {
          if (item.condition) seeded.push(`${tenant}/${document.instrument?.code}/${item.code}: ${item.condition}`);
        }
      }
    }
    expect(seeded.length).toBeGreaterThan(0);
    expect(vectors.map((v) => `${v.tenant}/${v.instrument}/${v.item}: ${v.condition}`).sort()).toEqual(seeded.sort());
  });
});
