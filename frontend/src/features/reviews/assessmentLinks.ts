// Addresses of the assessment screens (features/assessments, built alongside): the case file and the lists link to
// them; only these two builders know their shape.
export const toAssessment = (assessmentId: string) => `/assessments/${encodeURIComponent(assessmentId)}`;
export const toNewAssessment = (prisonerId: string) => `/prisoners/${encodeURIComponent(prisonerId)}/assessments/new`;
