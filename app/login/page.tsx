import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only same-site paths: a login link must never bounce the user to another site.
  const target = next?.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <div className="mx-auto mt-16 max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Linkscope</h1>
      <p className="mt-1 text-sm text-muted">Your role decides what you can change: viewers read, operators run mirror actions, admins manage links.</p>
      <LoginForm next={target} />
    </div>
  );
}
