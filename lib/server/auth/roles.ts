import type { Role } from "@/lib/config/schema";

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}

export function highestRole(roles: readonly Role[]): Role | null {
  return roles.reduce<Role | null>((best, r) => (best === null || RANK[r] > RANK[best] ? r : best), null);
}

export const ROLE_CAN: Record<Role, string> = {
  viewer: "read",
  operator: "read and run mirror actions",
  admin: "read, run mirror actions, and create, edit or delete links and mirrors",
};
