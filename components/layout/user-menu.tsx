"use client";
import { LogOut, UserRound } from "lucide-react";
import { useSettings } from "@/lib/client/settings-context";

/** The signed-in user and role, and a way out. Hidden when sign-in is off (the header says so instead). */
export function UserMenu() {
  const { actor, authMode } = useSettings();
  if (authMode === "none" || !actor) return null;
  async function signOut() {
    await fetch("/api/auth/logout", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    window.location.assign("/login");
  }
  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <UserRound aria-hidden className="size-4 text-muted" />
      <span>
        {actor.user} <span className="text-muted">({actor.role})</span>
      </span>
      {authMode === "users" ? (
        <button
          type="button"
          onClick={() => void signOut()}
          className="inline-flex items-center gap-1 rounded border border-border px-2 py-1 text-xs hover:bg-surface-2"
        >
          <LogOut aria-hidden className="size-3.5" /> Sign out
        </button>
      ) : null}
    </span>
  );
}
