// Landing page: lists the countries served by this Custodia installation.
// Runtime configuration comes from /config.json, so one build serves every environment.

import { pickName, preferredLanguages } from '/names.js';

const statusEl = document.getElementById('status');
const listEl = document.getElementById('tenants');
const retryEl = document.getElementById('retry');

function showStatus(message, isError = false) {
  statusEl.textContent = message;
  statusEl.classList.toggle('status--error', isError);
  retryEl.hidden = !isError;
}

function renderTenants(tenants) {
  const languages = preferredLanguages();
  const items = tenants
    .filter((t) => t && typeof t.code === 'string')
    .map((t) => ({
      code: t.code,
      name: pickName(t.displayName, t.defaultLanguage, languages) ?? { lang: 'en', text: t.code },
    }))
    .sort((a, b) => a.name.text.localeCompare(b.name.text));

  listEl.replaceChildren(
    ...items.map(({ code, name }) => {
      const li = document.createElement('li');
      li.className = 'tenant';
      const nameEl = document.createElement('span');
      nameEl.className = 'tenant-name';
      nameEl.lang = name.lang;
      nameEl.dir = 'auto';
      nameEl.textContent = name.text;
      const metaEl = document.createElement('span');
      metaEl.className = 'tenant-meta';
      metaEl.textContent = `Country code ${code.toUpperCase()}`;
      li.append(nameEl, metaEl);
      return li;
    }),
  );
  listEl.hidden = items.length === 0;
  showStatus(
    items.length === 0
      ? 'No country has been onboarded yet.'
      : `${items.length} ${items.length === 1 ? 'country uses' : 'countries use'} this installation.`,
  );
}

async function fetchJson(url) {
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    signal: AbortSignal.timeout(10000),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

async function load() {
  showStatus('Loading the list of countries…');
  listEl.hidden = true;
  try {
    const config = await fetchJson('/config.json');
    const base = String(config.apiBaseUrl ?? '').replace(/\/+$/, '');
    const tenants = await fetchJson(`${base}/api/public/tenants`);
    if (!Array.isArray(tenants)) throw new Error('unexpected answer');
    renderTenants(tenants);
  } catch {
    showStatus(
      'The Custodia service cannot be reached right now, so the list of countries is not available. ' +
        'Please try again in a few minutes.',
      true,
    );
  }
}

retryEl.addEventListener('click', load);
load();
