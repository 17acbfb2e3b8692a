import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { SessionRoot } from './auth/SessionRoot';
import { ConfigContext } from './config/ConfigContext';
import type { RuntimeConfig } from './config/runtimeConfig';
import { directionOf } from './i18n/languages';
import { cssVariablesResolver, theme } from './theme';

/** Keeps Mantine's direction (and so every component's layout) in step with the UI language. */
function DirectionFollowsLanguage() {
  const { i18n } = useTranslation();
  const { dir, setDirection } = useDirection();
  const wanted = directionOf(i18n.language);
  useEffect(() => {
    if (dir !== wanted) setDirection(wanted);
  }, [dir, wanted, setDirection]);
  return null;
}

/** The nonce the server put in <meta name="csp-nonce">, for the <style> elements Mantine writes. */
function styleNonce(): string {
  const value = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  return value.startsWith('__') ? '' : value;
}

export function App({ config }: { config: RuntimeConfig }) {
  const nonce = styleNonce();
  return (
    <ConfigContext value={config}>
      <DirectionProvider initialDirection={directionOf(document.documentElement.lang)} detectDirection={false}>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={cssVariablesResolver}
          forceColorScheme="light"
          getStyleNonce={() => nonce}
        >
          <DirectionFollowsLanguage />
          <Suspense fallback={null}>
            <SessionRoot />
          </Suspense>
        </MantineProvider>
      </DirectionProvider>
    </ConfigContext>
  );
}
