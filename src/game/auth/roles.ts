export type Role = 'learner' | 'instructor' | 'admin';

export const ROLES: readonly Role[] = ['learner', 'instructor', 'admin'];

/** Roles are ordered: an admin may do what an instructor may, an instructor what a learner may. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export function toRole(value: string): Role {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : 'learner';
}
