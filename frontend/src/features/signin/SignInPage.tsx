import { Alert, Button, Center, Divider, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { usePublicTenants, type PublicTenant } from '../../api/tenants';
import { ApiError, problemMessageKey } from '../../api/problem';
import { createUserManager, type SigninState } from '../../auth/oidc';
import { REALM_SESSION_KEY, platformAuthority, writeRealmSession, type RealmSession } from '../../auth/realmSession';
import { useRuntimeConfig } from '../../config/ConfigContext';
import { Brand } from '../../shell/Brand';
import { LanguageSwitcher } from '../../shell/LanguageSwitcher';
import { tenantName, type ShownName } from './tenantName';

interface Choice {
  id: string;
  name: ShownName;
  code: string;
  session: RealmSession;
}

function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function choicesOf(tenants: readonly PublicTenant[], language: string, collator: Intl.Collator): Choice[] {
  return tenants
    .filter((tenant) => tenant.code && isHttpUrl(tenant.issuer))
    .map((tenant) => ({
      id: tenant.code ?? '',
      code: tenant.code ?? '',
      name: tenantName(tenant.displayName, language, tenant.defaultLanguage, tenant.code ?? ''),
      session: { authority: tenant.issuer ?? '', kind: 'tenant' as const },
    }))
    .sort((a, b) => collator.compare(a.name.text, b.name.text));
}

/**
 * The country picker: each country's users sign in on their own realm's login page; platform staff have their
 * own entry. Names are shown in the UI language, else in the country's default language.
 */
export function SignInPage({ notice, returnTo }: { notice?: string; returnTo: string }) {
  const { t, i18n } = useTranslation();
  const config = useRuntimeConfig();
  const tenants = usePublicTenants();
  const [pending, setPending] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const language = i18n.language;
  const choices = useMemo(
    () => choicesOf(tenants.data ?? [], language, new Intl.Collator(language)),
    [tenants.data, language],
  );

  async function signIn(id: string, session: RealmSession) {
    setPending(id);
    setFailed(false);
    writeRealmSession(session);
    try {
      const state: SigninState = { returnTo, language };
      await createUserManager(config, session.authority).signinRedirect({ ui_locales: language, state });
    } catch {
      // Keycloak could not be reached (its discovery document did not load): stay here and say so.
      sessionStorage.removeItem(REALM_SESSION_KEY);
      setPending(null);
      setFailed(true);
    }
  }

  const platform: RealmSession = {
    authority: platformAuthority(config.keycloakUrl, config.platformRealm),
    kind: 'platform',
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={480}>
        <Stack gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Brand />
            <LanguageSwitcher onChange={(next) => void i18n.changeLanguage(next)} />
          </Group>
          <Stack gap={4}>
            <Title order={1} size="h2">
              {t('signin.title')}
            </Title>
            <Text c="dimmed">{t('signin.intro')}</Text>
          </Stack>
          {notice && (
            <Alert variant="light" color="blue" role="status" data-testid="signin-notice">
              {t(notice)}
            </Alert>
          )}
          {failed && (
            <Alert variant="light" color="red" role="alert">
              {t('signin.identityUnavailable')}
            </Alert>
          )}
          <section aria-labelledby="signin-countries">
            <Title order={2} size="h4" id="signin-countries" mb="sm">
              {t('signin.chooseCountry')}
            </Title>
            {tenants.isPending && (
              <Group>
                <Loader size="sm" aria-hidden="true" />
                <Text>{t('signin.loadingCountries')}</Text>
              </Group>
            )}
            {tenants.isError && (
              <Alert variant="light" color="red" role="alert" title={t('signin.countriesFailed')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">
                    {t(
                      tenants.error instanceof ApiError
                        ? problemMessageKey(tenants.error.problem)
                        : 'problem.unexpected',
                    )}
                  </Text>
                  <Button size="xs" variant="light" onClick={() => void tenants.refetch()}>
                    {t('common.retry')}
                  </Button>
                </Stack>
              </Alert>
            )}
            {tenants.isSuccess && choices.length === 0 && <Text>{t('signin.noCountries')}</Text>}
            {choices.length > 0 && (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="country-list">
                {choices.map((choice) => (
                  <li key={choice.id}>
                    <Button
                      fullWidth
                      size="md"
                      variant="default"
                      justify="space-between"
                      loading={pending === choice.id}
                      disabled={pending !== null && pending !== choice.id}
                      onClick={() => void signIn(choice.id, choice.session)}
                      rightSection={
                        <Text span size="xs" c="dimmed" aria-hidden="true">
                          {choice.code}
                        </Text>
                      }
                      data-tenant={choice.code}
                    >
                      <span lang={choice.name.lang}>{choice.name.text}</span>
                    </Button>
                  </li>
                ))}
              </Stack>
            )}
          </section>
          <Divider label={t('signin.or')} labelPosition="center" />
          <Button
            variant="subtle"
            loading={pending === 'platform'}
            disabled={pending !== null && pending !== 'platform'}
            onClick={() => void signIn('platform', platform)}
            data-testid="platform-signin"
          >
            {t('signin.platformStaff')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
