import { readFileSync } from "node:fs";
import path from "node:path";

/** The fenced code blocks of README's "Running several replicas" section, so tests run the example users copy. */
export function replicasExample(root: string): { config: string; prometheus: string; nginx: string } {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const start = readme.indexOf("\n## Running several replicas\n");
  if (start < 0) throw new Error('README.md has no "## Running several replicas" section');
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
  const find = (lang: string, marker: string) => {
    const block = blocks.find((b) => b.lang === lang && b.text.includes(marker));
    if (!block) throw new Error(`README's replicas section has no ${lang} block with ${marker}`);
    return block.text;
  };
  return { config: find("yaml", "/etc/linkscope/config.yaml"), prometheus: find("yaml", "prometheus.yml"), nginx: find("nginx", "upstream linkscope") };
}

/** The README's nginx file with its addresses and certificate paths replaced by a test's own. */
export function nginxFor(example: string, o: { replicas: [string, string]; listen: number; cert: string; key: string }): string {
  return example
    .replace("linkscope-a.internal:3000", o.replicas[0])
    .replace("linkscope-b.internal:3000", o.replicas[1])
    .replace("listen 443 ssl;", `listen 127.0.0.1:${o.listen} ssl;`)
    .replace("/etc/ssl/linkscope.crt", o.cert)
    .replace("/etc/ssl/linkscope.key", o.key);
}

/** A whole nginx.conf around a server block, with every path in `dir`: runs unprivileged-ish in the foreground. */
export function nginxMainConfig(dir: string, serverBlock: string): string {
  return [
    `pid ${path.join(dir, "nginx.pid")};`,
    `error_log ${path.join(dir, "nginx-error.log")} warn;`,
    "daemon off;",
    "events { worker_connections 64; }",
    "http {",
    `  access_log off;`,
    `  client_body_temp_path ${path.join(dir, "client_body")};`,
    `  proxy_temp_path ${path.join(dir, "proxy")};`,
    `  fastcgi_temp_path ${path.join(dir, "fastcgi")};`,
    `  uwsgi_temp_path ${path.join(dir, "uwsgi")};`,
    `  scgi_temp_path ${path.join(dir, "scgi")};`,
    serverBlock,
    "}",
  ].join("\n");
}
