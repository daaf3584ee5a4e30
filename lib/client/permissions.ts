"use client";
import { useSettings, type Role } from "./settings-context";

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export interface Permission {
  allowed: boolean;
  /** Why not, in one sentence, for a disabled button's description; null when allowed. */
  reason: string | null;
}

/** Whether the signed-in user may do something needing `role`; the server checks again on every mutation. */
export function usePermission(role: Role): Permission {
  const { actor, readOnly } = useSettings();
  if (readOnly) return { allowed: false, reason: "Linkscope is in read-only mode." };
  if (!actor) return { allowed: false, reason: "Sign in first." };
  if (RANK[actor.role] < RANK[role]) return { allowed: false, reason: `Needs the ${role} role; you are a ${actor.role}.` };
  return { allowed: true, reason: null };
}
