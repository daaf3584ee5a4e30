/**
 * Item 7: the topology page's first-load JavaScript, from the build output. The browser loads for `/` the root
 * main files (build-manifest.json: the runtime, React, the router) and the client chunks of the route's layout
 * and page (Turbopack: the entryJSFiles of .next/server/app/page_client-reference-manifest.js; webpack builds list
 * them in app-build-manifest.json). The union of those files, raw and gzipped as a server would send them.
 * Polyfills are listed apart: only browsers without ES modules load them.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

export interface FirstLoadJs {
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  polyfillGzipBytes: number;
  source: "client-reference-manifest" | "app-build-manifest";
}

const BuildManifestSchema = z.object({ rootMainFiles: z.array(z.string()).default([]), polyfillFiles: z.array(z.string()).default([]) });
const ClientReferenceSchema = z.object({ entryJSFiles: z.record(z.string(), z.array(z.string())) });
const AppBuildManifestSchema = z.object({ pages: z.record(z.string(), z.array(z.string())) });

/** `globalThis.__RSC_MANIFEST["/page"] = {...};` → the object. */
function readClientReferenceManifest(file: string): z.infer<typeof ClientReferenceSchema> {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("= {");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) throw new Error(`${file} does not have the expected shape`);
  return ClientReferenceSchema.parse(JSON.parse(text.slice(start + 2, end + 1)));
}

function sizes(distDir: string, files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const content = readFileSync(path.join(distDir, f.replace(/^\/?_next\//, "")));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Every page of the app, as app routes (item 7 measures each). */
export const PAGES = [
  "/",
  "/clusters/[cluster]",
  "/clusters/[cluster]/links/[link]",
  "/clusters/[cluster]/links/[link]/mirrors/[topic]",
  "/clusters/[cluster]/links/[link]/mirrors/new",
  "/links/new",
  "/failover",
  "/audit",
  "/login",
] as const;

/** `route` is the app route ("/" → app/page). */
export function firstLoadJs(distDir: string, route = "/"): FirstLoadJs {
  const segment = route === "/" ? "" : route.replace(/^\//, "");
  const build = BuildManifestSchema.parse(JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")));
  const appBuild = path.join(distDir, "app-build-manifest.json");
  let routeFiles: string[];
  let source: FirstLoadJs["source"];
  if (existsSync(appBuild)) {
    const pages = AppBuildManifestSchema.parse(JSON.parse(readFileSync(appBuild, "utf8"))).pages;
    routeFiles = pages[`/${segment ? `${segment}/` : ""}page`] ?? [];
    source = "app-build-manifest";
  } else {
    const manifest = readClientReferenceManifest(path.join(distDir, "server", "app", segment, "page_client-reference-manifest.js"));
    const entries = Object.entries(manifest.entryJSFiles);
    const pageKey = `[project]/app/${segment ? `${segment}/` : ""}page`;
    // The page and every layout above it.
    const layoutKeys = [
      "[project]/app/layout",
      ...segment
        .split("/")
        .filter(Boolean)
        .map((_, i, parts) => `[project]/app/${parts.slice(0, i + 1).join("/")}/layout`),
    ];
    routeFiles = entries.filter(([key]) => key === pageKey || layoutKeys.includes(key)).flatMap(([, files]) => files);
    if (!entries.some(([key]) => key === pageKey)) throw new Error(`no client entry for ${pageKey} in the build`);
    source = "client-reference-manifest";
  }
  const files = [...new Set([...build.rootMainFiles, ...routeFiles].filter((f) => f.endsWith(".js")))];
  const total = sizes(distDir, files);
  const polyfills = sizes(
    distDir,
    build.polyfillFiles.filter((f) => f.endsWith(".js")),
  );
  return { route, files: files.length, rawBytes: total.raw, gzipBytes: total.gzip, polyfillGzipBytes: polyfills.gzip, source };
}
