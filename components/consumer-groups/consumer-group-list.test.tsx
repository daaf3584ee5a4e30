// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ConsumerGroupFailover } from "@/lib/domain/failover/consumer-group-types";
import { ConsumerGroupList } from "./consumer-group-list";

afterEach(cleanup);

const g = (group: string, over: Partial<ConsumerGroupFailover>): ConsumerGroupFailover => ({
  group,
  destinationGroup: group,
  topics: ["orders"],
  inFilter: true,
  verdict: "resumes",
  reason: `reason of ${group}`,
  behindMessages: 0,
  destinationOffsetsAgeMs: 12_000,
  destinationOffsetsAgeAtLeast: true,
  activeMembersOnDestination: 0,
  partitions: [
    {
      topic: "orders",
      sourceTopic: "orders",
      partition: 0,
      sourceOffset: 1500,
      destinationOffset: 1200,
      behindMessages: 300,
      mirrorEndOffset: 1400,
    },
  ],
  ...over,
});

describe("ConsumerGroupList", () => {
  it("says each verdict in words with its reason, units and the red flag", () => {
    render(
      <ConsumerGroupList
        source="onprem"
        destination="cloud"
        groups={[
          g("busy", {
            verdict: "resets",
            behindMessages: null,
            activeMembersOnDestination: 2,
            destinationOffsetsAgeMs: null,
            partitions: [
              {
                topic: "orders",
                sourceTopic: "orders",
                partition: 0,
                sourceOffset: 9,
                destinationOffset: null,
                behindMessages: null,
                mirrorEndOffset: null,
              },
            ],
          }),
          g("orders-svc", { verdict: "rereads", behindMessages: 1234 }),
          g("billing", {}),
          g("lost", { verdict: "unknown", behindMessages: null, inFilter: null }),
        ]}
      />,
    );
    const rows = screen.getAllByTestId("consumer-group");
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getByText("Starts from reset policy")).toBeTruthy();
    expect(within(rows[0]!).getByText("2 members already on cloud")).toBeTruthy();
    expect(rows[0]!.textContent).toContain("Offsets on cloud: none");
    expect(within(rows[1]!).getByText("Re-reads 1,234 messages")).toBeTruthy();
    expect(within(rows[2]!).getByText("Resumes in place")).toBeTruthy();
    expect(rows[2]!.textContent).toContain("unchanged for at least 12 s");
    expect(within(rows[3]!).getByText("Unknown")).toBeTruthy();
    expect(rows[3]!.textContent).toContain("cannot tell");
    expect(rows[1]!.textContent).toContain("reason of orders-svc");
    expect(within(rows[1]!).getByRole("table").textContent).toContain("1,500");
  });

  it("does not call offsets watched for under a second 'unchanged for at least 0 s'", () => {
    render(
      <ConsumerGroupList
        source="onprem"
        destination="cloud"
        groups={[
          g("new", { destinationOffsetsAgeMs: 400 }),
          g("exact", { destinationOffsetsAgeMs: 400, destinationOffsetsAgeAtLeast: false }),
        ]}
      />,
    );
    const rows = screen.getAllByTestId("consumer-group");
    expect(rows[0]!.textContent).toContain("Offsets on cloud: age not known yet");
    expect(rows[1]!.textContent).toContain("unchanged for 0 s");
  });
});
