import { readFileSync } from 'node:fs';
import path from 'node:path';

import openapiTS, { astToString } from 'openapi-typescript';

const dir = __dirname;

/** schema.d.ts is generated from openapi.json (npm run api:types); this fails when someone forgot to regenerate. */
describe('API types', () => {
  it('are generated from the committed OpenAPI snapshot', async () => {
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'openapi.json'), 'utf8')) as Record<string, unknown>;
    const generated = astToString(await openapiTS(snapshot as never));
    const committed = readFileSync(path.join(dir, 'schema.d.ts'), 'utf8');
    const body = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
    expect(body(committed), 'src/api/schema.d.ts is stale: run `npm run api:types`').toBe(body(generated));
  }, 30_000);
});
