import { lazyPage, type AppRoute } from '../../routeTypes';

// Link builders: no URL of this area is assembled by hand elsewhere.
export const toNewAssessment = (prisonerId: string) => `/prisoners/${encodeURIComponent(prisonerId)}/assessments/new`;
export const toAssessment = (assessmentId: string) => `/assessments/${encodeURIComponent(assessmentId)}`;

export interface AssessmentParams extends Record<string, string | undefined> {
  assessmentId: string;
}

/** Assessors and supervisors start, fill in and submit assessments (the API lets no one else). */
const caseWorkers = { access: ['ASSESSOR', 'SUPERVISOR'] } as const;

export const assessmentsRoutes: AppRoute[] = [
  {
    path: 'prisoners/:prisonerId/assessments/new',
    lazy: lazyPage(() => import('./NewAssessmentPage')),
    handle: caseWorkers,
  },
  { path: 'assessments/:assessmentId', lazy: lazyPage(() => import('./AssessmentPage')), handle: caseWorkers },
];
