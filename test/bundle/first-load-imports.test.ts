import path from "node:path";
import { describe, expect, it } from "vitest";
import { staticClosure } from "./static-imports";

const root = path.resolve(import.meta.dirname, "../..");

// Bench item 7 holds each page's first-load JavaScript to 200 KB gzip; it stays there only while the heavy parts are
// reached through `next/dynamic` or `import()`. One static import of the module behind a lazy wrapper (a chart, the
// graph canvas) puts it back into the first load, silently: these catch it without a build.
describe("what a page loads with its first JavaScript", () => {
  interface PageCase {
    /** What the page must not load with its first JavaScript, said as the test's name. */
    what: string;
    page: string;
    packages?: string[];
    lazy: string[];
    /** The module that reaches the lazy parts: it must be there, or the test proves nothing. */
    through: string;
  }

  const cases: PageCase[] = [
    {
      what: "the topology page: not the graph library, the layout engine or its loader, the charts, nor the canvas, table and summary it draws once the topology has arrived",
      page: "app/page.tsx",
      packages: ["@xyflow/react", "elkjs", "recharts"],
      lazy: [
        "components/topology/topology-canvas.tsx",
        "components/topology/link-table.tsx",
        "components/topology/fleet-summary.tsx",
        "components/topology/use-graph-layout.ts",
        "components/topology/layout-engine.ts",
      ],
      through: "components/topology/lazy-views.tsx",
    },
    {
      what: "the link page: not its admin buttons, the panels below its partition states and tasks, the mirror actions' run flow, nor the dialogs its buttons open",
      page: "app/clusters/[cluster]/links/[link]/page.tsx",
      packages: ["@tanstack/react-virtual", "recharts"],
      lazy: [
        "components/charts/time-series-chart.tsx",
        "components/actions/mirror-actions-panel.tsx",
        "components/wizards/link-admin/link-admin-actions.tsx",
        "components/failover/failover-entry-links.tsx",
        "components/wizards/link-admin/link-admin-dialogs.tsx",
        "components/wizards/ui/modal.tsx",
        "components/wizards/link-admin/config-editor.tsx",
        "components/wizards/link-admin/delete-link-dialog.tsx",
        "components/links/link-lag-panel.tsx",
        "components/links/mirrors-panel.tsx",
        "components/links/mirrors-table.tsx",
        "components/links/consumer-groups-panel.tsx",
        "components/links/link-configs-panel.tsx",
      ],
      through: "components/links/lazy-panels.tsx",
    },
    {
      what: "the mirror page: not the charts, the lag charts' panel nor the status timeline below its partition table",
      page: "app/clusters/[cluster]/links/[link]/mirrors/[topic]/page.tsx",
      packages: ["recharts"],
      lazy: [
        "components/charts/time-series-chart.tsx",
        "components/mirrors/partition-lag-panel.tsx",
        "components/mirrors/status-timeline-panel.tsx",
      ],
      through: "components/mirrors/lazy-panels.tsx",
    },
    {
      what: "the new-link page: not the wizard itself (its first step needs react-hook-form, most of the page's share), nor the link schemas",
      page: "app/links/new/page.tsx",
      packages: ["react-hook-form"],
      lazy: [
        "components/wizards/create-link/create-link-wizard.tsx",
        "components/wizards/create-link/step-clusters.tsx",
        "components/wizards/create-link/step-review.tsx",
        "lib/api/link-admin.ts",
      ],
      through: "components/wizards/create-link/lazy-wizard.tsx",
    },
    {
      what: "the create-mirror page: the mirror and topic schemas only, not the link schemas and the config rules they check",
      page: "app/clusters/[cluster]/links/[link]/mirrors/new/page.tsx",
      lazy: ["lib/api/link-admin.ts", "lib/domain/links/link-config-rules.ts", "lib/config/schema.ts"],
      through: "lib/api/mirror-admin.ts",
    },
    {
      what: "the failover page: not the runbook's stages after its scope, the run flow, nor the failback tab",
      page: "app/failover/page.tsx",
      lazy: [
        "components/failover/readiness-step.tsx",
        "components/failover/consumers-step.tsx",
        "components/failover/blast-radius-step.tsx",
        "components/failover/after-failover-checklist.tsx",
        "components/failover/failback-panel.tsx",
        "components/actions/action-run-flow.tsx",
        "lib/domain/failover/runbook-report.ts",
        "lib/domain/failover/failover-impact.ts",
      ],
      through: "components/failover/lazy-steps.tsx",
    },
  ];

  it.each(cases)("$what", ({ page, packages = [], lazy, through }) => {
    const closure = staticClosure(root, page);
    expect([...closure.packages].filter((p) => packages.includes(p))).toEqual([]);
    expect(lazy.filter((file) => closure.files.has(file))).toEqual([]);
    expect(closure.files).toContain(through);
  });

  it("the cluster page: not the charts (recharts loads with the first chart drawn)", () => {
    const { files, packages } = staticClosure(root, "app/clusters/[cluster]/page.tsx");
    expect(packages).not.toContain("recharts");
    expect(files).not.toContain("components/charts/time-series-chart.tsx");
  });
});
