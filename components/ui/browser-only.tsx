"use client";
import { type ReactNode, Suspense, useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * Draws `children` only in the browser, `fallback` in their place while rendering on the server, hydrating, and while
 * a lazy child's code loads: what next/dynamic with `ssr: false` does, around React's own `lazy`. next/dynamic's
 * loader costs each page that uses it ~1.3 KB gzip of its first load (bench item 7).
 */
export function BrowserOnly({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return inBrowser ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
