import { tenantName } from './tenantName';

const kz = { en: 'Kazakhstan', ru: 'Казахстан', kk: 'Қазақстан', ar: 'كازاخستان' };

describe('tenantName', () => {
  it('shows the name in the UI language, matching a regional tag to its language', () => {
    expect(tenantName(kz, 'ru', 'kk', 'KZ')).toEqual({ text: 'Казахстан', lang: 'ru' });
    expect(tenantName(kz, 'ar-TN', 'kk', 'KZ')).toEqual({ text: 'كازاخستان', lang: 'ar' });
  });

  it("falls back to the tenant's default language when the UI language has no name", () => {
    expect(tenantName(kz, 'fr', 'kk', 'KZ')).toEqual({ text: 'Қазақстан', lang: 'kk' });
  });

  it('then to English, then to any name, then to the code', () => {
    expect(tenantName({ en: 'Tunisia', ar: 'تونس' }, 'ky', 'fr', 'TN')).toEqual({ text: 'Tunisia', lang: 'en' });
    expect(tenantName({ ar: 'تونس' }, 'ky', 'fr', 'TN')).toEqual({ text: 'تونس', lang: 'ar' });
    expect(tenantName({}, 'en', 'en', 'UG')).toEqual({ text: 'UG', lang: 'en' });
    expect(tenantName(undefined, 'en', undefined, 'UG')).toEqual({ text: 'UG', lang: 'en' });
  });

  it('ignores blank names', () => {
    expect(tenantName({ fr: '  ', kk: 'Қазақстан' }, 'fr', 'kk', 'KZ').text).toBe('Қазақстан');
  });
});
