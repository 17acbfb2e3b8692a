import assert from 'node:assert/strict';
import { test } from 'node:test';

import { pickName } from '../public/names.js';

const kz = { en: 'Kazakhstan', ru: 'Казахстан', kk: 'Қазақстан' };

test('picks the name in the browser language, matching the base of a regional tag', () => {
  assert.deepEqual(pickName(kz, 'kk', ['ru-ru', 'en']), { lang: 'ru', text: 'Казахстан' });
});

test("falls back to the tenant's default language, then English, then any name", () => {
  assert.equal(pickName(kz, 'kk', ['fr']).text, 'Қазақстан');
  assert.equal(pickName({ en: 'Tunisia', ar: 'تونس' }, 'fr', ['de']).text, 'Tunisia');
  assert.equal(pickName({ ar: 'تونس' }, 'fr', ['de']).text, 'تونس');
  assert.equal(pickName({}, 'en', ['en']), null);
});
