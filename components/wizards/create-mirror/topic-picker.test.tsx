// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { TopicView } from "@/lib/api/mirror-admin";
import { TopicPicker } from "./topic-picker";

afterEach(cleanup);

const topic = (name: string, partitions: number | null): TopicView => ({ name, internal: false, partitions, replicationFactor: 3 });

function renderPicker(topics: TopicView[], mirrored: string[] = []) {
  const query = { isPending: false, isError: false, data: topics } as UseQueryResult<TopicView[]>;
  render(
    <TopicPicker
      topics={query}
      mirrored={new Set(mirrored)}
      createdHere={new Set()}
      selected={new Set()}
      onChange={() => undefined}
      source="primary"
    />,
  );
}

describe("TopicPicker", () => {
  it("counts each topic's partitions in words that agree with the number", () => {
    renderPicker([topic("metrics", 1), topic("orders", 6), topic("unknown", null)]);
    expect(screen.getByRole("checkbox", { name: /^metrics/ }).closest("label")?.textContent).toBe("metrics1 partition");
    expect(screen.getByRole("checkbox", { name: /^orders/ }).closest("label")?.textContent).toBe("orders6 partitions");
    expect(screen.getByRole("checkbox", { name: /^unknown/ }).closest("label")?.textContent).toBe("unknown");
  });

  it("marks an already mirrored topic and does not let it be picked", () => {
    renderPicker([topic("orders", 6)], ["orders"]);
    const box = screen.getByRole("checkbox", { name: /^orders/ });
    expect(box).toHaveProperty("disabled", true);
    expect(box.closest("label")?.textContent).toContain("already mirrored");
  });
});
