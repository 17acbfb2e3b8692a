import { lazyPage, type AppRoute } from '../../routeTypes';

// Link builders: no URL of this area is assembled by hand elsewhere.
export const toMethodology = () => '/methodology';
export const toRiskLevels = () => '/methodology/risk-levels';
export const toInstruments = () => '/methodology/instruments';
export const toInstrument = (instrumentId: string) => `/methodology/instruments/${encodeURIComponent(instrumentId)}`;
export const toInstrumentVersion = (versionId: string) =>
  `/methodology/instrument-versions/${encodeURIComponent(versionId)}`;
export const toScheme = () => '/methodology/classification';
export const toSchemeVersion = (versionId: string) => `/methodology/classification/${encodeURIComponent(versionId)}`;
export const toOffences = () => '/methodology/offences';
export const toProgrammes = () => '/methodology/programmes';
export const toCycleSettings = () => '/methodology/cycle';

/** Route parameters of this area's pages. */
export interface InstrumentParams extends Record<string, string | undefined> {
  instrumentId: string;
}
export interface VersionParams extends Record<string, string | undefined> {
  versionId: string;
}

/** Only the country administrator configures the methodology (the API lets other roles read it). */
const admin = { access: ['COUNTRY_ADMIN'] } as const;

export const methodologyRoutes: AppRoute[] = [
  {
    path: 'methodology',
    lazy: lazyPage(() => import('./MethodologyLayout')),
    handle: { ...admin, nav: { labelKey: 'nav.methodology', order: 30 } },
    children: [
      { index: true, lazy: lazyPage(() => import('./MethodologyOverview')), handle: admin },
      { path: 'risk-levels', lazy: lazyPage(() => import('./riskLevels/RiskLevelsPage')), handle: admin },
      { path: 'instruments', lazy: lazyPage(() => import('./instruments/InstrumentsPage')), handle: admin },
      {
        path: 'instruments/:instrumentId',
        lazy: lazyPage(() => import('./instruments/InstrumentPage')),
        handle: admin,
      },
      {
        path: 'instrument-versions/:versionId',
        lazy: lazyPage(() => import('./instruments/VersionPage')),
        handle: admin,
      },
      { path: 'classification', lazy: lazyPage(() => import('./scheme/SchemePage')), handle: admin },
      {
        path: 'classification/:versionId',
        lazy: lazyPage(() => import('./scheme/SchemeVersionPage')),
        handle: admin,
      },
      { path: 'offences', lazy: lazyPage(() => import('./catalogue/OffencesPage')), handle: admin },
      { path: 'programmes', lazy: lazyPage(() => import('./catalogue/ProgrammesPage')), handle: admin },
      { path: 'cycle', lazy: lazyPage(() => import('./cycle/CycleSettingsPage')), handle: admin },
    ],
  },
];
