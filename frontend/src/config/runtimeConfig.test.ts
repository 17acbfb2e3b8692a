import { loadRuntimeConfig, parseRuntimeConfig } from './runtimeConfig';

describe('runtime configuration', () => {
  it('reads /config.json, with defaults for the optional fields', () => {
    expect(parseRuntimeConfig({ keycloakUrl: 'https://id.example.org/' })).toEqual({
      apiBaseUrl: '',
      keycloakUrl: 'https://id.example.org',
      platformRealm: 'platform',
      clientId: 'custodia-web',
    });
  });

  it('refuses a malformed configuration, naming the field', () => {
    expect(() => parseRuntimeConfig([])).toThrow(/object/);
    expect(() => parseRuntimeConfig({})).toThrow(/keycloakUrl/);
    expect(() => parseRuntimeConfig({ keycloakUrl: 'id.example.org' })).toThrow(/keycloakUrl/);
    expect(() => parseRuntimeConfig({ keycloakUrl: 'https://id', apiBaseUrl: 'javascript:alert(1)' })).toThrow(
      /apiBaseUrl/,
    );
  });

  it('is fetched at start, never cached', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ keycloakUrl: 'http://localhost:8180', clientId: 'web' }));
    const config = await loadRuntimeConfig(fetchImpl as unknown as typeof fetch);
    expect(config.clientId).toBe('web');
    expect(fetchImpl).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-store' }));
  });
});
