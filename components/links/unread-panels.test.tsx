// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LinkDetail } from "@/lib/api/links";
import { renderInApp } from "@/test/support/render-in-app";
import { LinkConfigsPanel } from "./link-configs-panel";
import { LinkTasksPanel } from "./link-tasks-panel";

const detail: LinkDetail = {
  id: "onprem-to-cloud@abc",
  name: "onprem-to-cloud",
  clusterLinkId: "abc",
  cluster: "cloud",
  kind: "source-initiated",
  linkMode: "DESTINATION",
  connectionMode: "INBOUND",
  remoteCluster: "onprem",
  state: "ACTIVE",
  error: null,
  errorMessage: null,
  mirrorCount: 4,
  tasks: [],
  tasksReported: false,
  configs: [],
  partitionStates: { ACTIVE: 24, PAUSED: 0, PENDING: 0, IN_ERROR: 0, NOT_APPLICABLE: 0 },
  partitionStatesSource: "reported",
  problems: [],
  asOf: 1_796_293_661_381,
  rpoSeconds: 300,
};

let answer: LinkDetail = detail;
beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPanels() {
  renderInApp(
    <>
      <LinkTasksPanel cluster="cloud" link="onprem-to-cloud" />
      <LinkConfigsPanel cluster="cloud" link="onprem-to-cloud" />
    </>,
  );
}

describe("a link half whose own answers could not be read", () => {
  it("says its tasks and configs were not read, not that the cluster reports none", async () => {
    answer = {
      ...detail,
      problems: [
        {
          code: "link-detail-unread",
          message: "could not read this link's details on cloud (its tasks are not shown): the answer was not JSON",
        },
        {
          code: "link-configs-unread",
          message: "could not read this link's configs on cloud (its link and connection modes may be unknown): Timed out",
        },
      ],
    };
    renderPanels();
    expect((await screen.findByTestId("unread-link-detail-unread")).textContent).toBe(
      "Linkscope could not read this link's details on cloud (its tasks are not shown): the answer was not JSON. They show again once the link's details are read.",
    );
    expect(screen.getByTestId("unread-link-configs-unread").textContent).toMatch(
      /^Linkscope could not read this link's configs on cloud .*Timed out\. They show again once the configs are read\.$/,
    );
    expect(screen.queryByText(/does not report link tasks/)).toBeNull();
    expect(screen.queryByText(/reported no configs/)).toBeNull();
  });

  it("keeps saying what the cluster reports when its answers were read", async () => {
    answer = detail;
    renderPanels();
    expect(await screen.findByText("This cluster does not report link tasks.")).toBeTruthy();
    expect(screen.queryByTestId("unread-link-detail-unread")).toBeNull();
    expect(screen.queryByTestId("unread-link-configs-unread")).toBeNull();
  });
});
