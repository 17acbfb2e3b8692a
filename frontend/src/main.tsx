import '@mantine/core/styles.css';
import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { loadRuntimeConfig } from './config/runtimeConfig';
import { initI18n } from './i18n/i18n';
import { detectLanguage } from './i18n/languages';
import { registerServiceWorker } from './shell/serviceWorker';

function showStartupFailure(root: HTMLElement, error: unknown) {
  // Before i18n is up: a plain, bilingual message, and the reason for whoever operates the site.
  console.error('Custodia could not start', error);
  const box = document.createElement('main');
  box.setAttribute('role', 'alert');
  box.style.padding = '2rem';
  box.style.fontFamily = 'system-ui, sans-serif';
  box.textContent =
    'Custodia cannot start: its configuration could not be loaded. Please try again later. / ' +
    'Custodia не может запуститься: не удалось загрузить конфигурацию. Попробуйте позже.';
  root.replaceChildren(box);
  root.removeAttribute('aria-busy');
}

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  try {
    const [config] = await Promise.all([loadRuntimeConfig(), initI18n(detectLanguage())]);
    root.removeAttribute('aria-busy');
    createRoot(root).render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  } catch (error) {
    showStartupFailure(root, error);
  }
}

void start();
registerServiceWorker();
