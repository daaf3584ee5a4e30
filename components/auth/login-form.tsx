"use client";
import { LogIn } from "lucide-react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/client/fetch-json";

const SignedInSchema = z.object({ user: z.string(), role: z.string() });

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await fetchJson("/api/auth/login", SignedInSchema, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
      });
      // A full load, so the layout picks up the new session on the server.
      window.location.assign(next);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Sign-in failed.");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4 rounded-lg border border-border bg-surface p-5" noValidate>
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          Username
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          className="mt-1 w-full rounded border border-border bg-bg px-3 py-2 text-sm"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-border bg-bg px-3 py-2 text-sm"
        />
      </div>
      {error ? (
        <p role="alert" className="rounded bg-err-bg px-3 py-2 text-sm text-err">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="inline-flex w-full items-center justify-center gap-2 rounded bg-accent px-3 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        <LogIn aria-hidden className="size-4" />
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
