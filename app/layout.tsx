import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { identify } from "@/lib/server/auth/identify";
import { AppHeader } from "@/components/layout/app-header";
import { getConfig } from "@/lib/server/config";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Linkscope", template: "%s · Linkscope" },
  description: "Confluent Cluster Linking: link graph, mirror health and guided failover.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const config = getConfig();
  const settings = {
    pollIntervalMs: config.pollIntervalSeconds * 1000,
    slowClusterThresholdMs: config.slowClusterThresholdMs,
    readOnly: config.readOnly,
    authMode: config.auth.mode,
    actor: identify(await headers(), config.auth, Date.now()),
  };
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Providers settings={settings}>
          <AppHeader />
          <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
