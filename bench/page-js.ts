/**
 * Each page's first-load JavaScript from the last `npx next build`, against bench item 7's 200 KB gzip budget,
 * without starting the benchmark (no server, no browser): `npx tsx bench/page-js.ts [distDir]`.
 */
import path from "node:path";
import { firstLoadJs, PAGES } from "./measure/first-load-js";

const BUDGET_KB = 200;
const distDir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "..", ".next"));
for (const route of PAGES) {
  const js = firstLoadJs(distDir, route);
  const kb = js.gzipBytes / 1024;
  const verdict = kb <= BUDGET_KB ? "within budget" : `OVER by ${(kb - BUDGET_KB).toFixed(1)} KB`;
  console.log(
    `${kb.toFixed(1).padStart(6)} KB gzip  ${(js.rawBytes / 1024).toFixed(0).padStart(4)} KB raw  ${String(js.files).padStart(2)} files  ${route}  ${verdict}`,
  );
}
