import path from "node:path";
import { describe, expect, it } from "vitest";
import { staticClosure } from "./static-imports";

const root = path.resolve(import.meta.dirname, "../..");

// Bench item 7 holds each page's first-load JavaScript to 200 KB gzip; it stays there only while the heavy parts are
// reached through `next/dynamic` or `import()`. One static import of the module behind a lazy wrapper (a chart, the
// graph canvas) puts it back into the first load, silently: these catch it without a build.
describe("what a page loads with its first JavaScript", () => {
  it("the topology page: not the graph library, the layout engine or its loader, the charts, nor the canvas, table and summary it draws once the topology has arrived", () => {
    const { files, packages } = staticClosure(root, "app/page.tsx");
    expect([...packages].filter((p) => ["@xyflow/react", "elkjs", "recharts"].includes(p))).toEqual([]);
    for (const lazy of [
      "components/topology/topology-canvas.tsx",
      "components/topology/link-table.tsx",
      "components/topology/fleet-summary.tsx",
      "components/topology/use-graph-layout.ts",
      "components/topology/layout-engine.ts",
    ]) {
      expect(files).not.toContain(lazy);
    }
    expect(files).toContain("components/topology/lazy-views.tsx");
  });

  it.each([
    "app/clusters/[cluster]/page.tsx",
    "app/clusters/[cluster]/links/[link]/page.tsx",
    "app/clusters/[cluster]/links/[link]/mirrors/[topic]/page.tsx",
  ])("%s: not the charts (recharts loads with the first chart drawn)", (page) => {
    const { files, packages } = staticClosure(root, page);
    expect(packages).not.toContain("recharts");
    expect(files).not.toContain("components/charts/time-series-chart.tsx");
  });

  it("the link page: not the panels below its partition states and tasks, the mirror actions' run flow, nor the dialogs its buttons open", () => {
    const { files, packages } = staticClosure(root, "app/clusters/[cluster]/links/[link]/page.tsx");
    expect(packages).not.toContain("@tanstack/react-virtual");
    for (const lazy of [
      "components/actions/mirror-actions-panel.tsx",
      "components/wizards/link-admin/link-admin-dialogs.tsx",
      "components/wizards/ui/modal.tsx",
      "components/wizards/link-admin/config-editor.tsx",
      "components/wizards/link-admin/delete-link-dialog.tsx",
      "components/links/link-lag-panel.tsx",
      "components/links/mirrors-panel.tsx",
      "components/links/mirrors-table.tsx",
      "components/links/consumer-groups-panel.tsx",
      "components/links/link-configs-panel.tsx",
    ]) {
      expect(files).not.toContain(lazy);
    }
    expect(files).toContain("components/links/lazy-panels.tsx");
  });

  it("the mirror page: not the lag charts' panel nor the status timeline below its partition table", () => {
    const { files } = staticClosure(root, "app/clusters/[cluster]/links/[link]/mirrors/[topic]/page.tsx");
    for (const lazy of ["components/mirrors/partition-lag-panel.tsx", "components/mirrors/status-timeline-panel.tsx"]) {
      expect(files).not.toContain(lazy);
    }
    expect(files).toContain("components/mirrors/lazy-panels.tsx");
  });

  it("the new-link page: not the wizard itself (its first step needs react-hook-form, most of the page's share), nor the link schemas", () => {
    const { files, packages } = staticClosure(root, "app/links/new/page.tsx");
    expect(packages).not.toContain("react-hook-form");
    for (const lazy of [
      "components/wizards/create-link/create-link-wizard.tsx",
      "components/wizards/create-link/step-clusters.tsx",
      "components/wizards/create-link/step-review.tsx",
      "lib/api/link-admin.ts",
    ]) {
      expect(files).not.toContain(lazy);
    }
    expect(files).toContain("components/wizards/create-link/lazy-wizard.tsx");
  });

  it("the create-mirror page: the mirror and topic schemas only, not the link schemas and the config rules they check", () => {
    const { files } = staticClosure(root, "app/clusters/[cluster]/links/[link]/mirrors/new/page.tsx");
    for (const lazy of ["lib/api/link-admin.ts", "lib/domain/links/link-config-rules.ts", "lib/config/schema.ts"]) {
      expect(files).not.toContain(lazy);
    }
    expect(files).toContain("lib/api/mirror-admin.ts");
  });

  it("the failover page: not the runbook's stages after its scope, the run flow, nor the failback tab", () => {
    const { files } = staticClosure(root, "app/failover/page.tsx");
    for (const lazy of [
      "components/failover/readiness-step.tsx",
      "components/failover/consumers-step.tsx",
      "components/failover/blast-radius-step.tsx",
      "components/failover/after-failover-checklist.tsx",
      "components/failover/failback-panel.tsx",
      "components/actions/action-run-flow.tsx",
      "lib/domain/failover/runbook-report.ts",
      "lib/domain/failover/failover-impact.ts",
    ]) {
      expect(files).not.toContain(lazy);
    }
    expect(files).toContain("components/failover/lazy-steps.tsx");
  });
});
