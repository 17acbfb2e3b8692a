/** The roles the backend recognises (backend security/Roles.java); /api/me lists the caller's. */
export const TENANT_ROLES = ['COUNTRY_ADMIN', 'ASSESSOR', 'SUPERVISOR', 'ANALYST', 'AUDITOR'] as const;
export const PLATFORM_ROLES = ['PLATFORM_ADMIN', 'PROGRAMME_COORDINATOR'] as const;
export type Role = (typeof TENANT_ROLES)[number] | (typeof PLATFORM_ROLES)[number];

const ALL: ReadonlySet<string> = new Set<string>([...TENANT_ROLES, ...PLATFORM_ROLES]);

/** The known roles among what the API returned, in a stable order; anything else is ignored. */
export function knownRoles(roles: readonly string[] | undefined): Role[] {
  const given = new Set(roles ?? []);
  return [...TENANT_ROLES, ...PLATFORM_ROLES].filter((role) => ALL.has(role) && given.has(role));
}

/** "any" lets every signed-in user in; otherwise one of the listed roles is needed. */
export type Access = 'any' | readonly Role[];

export function allows(access: Access, roles: readonly Role[]): boolean {
  return access === 'any' || access.some((role) => roles.includes(role));
}
