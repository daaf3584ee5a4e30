// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { LinkConfigView } from "@/lib/api/links";
import { LinkConfigs } from "./link-configs";

afterEach(cleanup);

const cfg = (name: string, value: string | null, extra: Partial<LinkConfigView> = {}): LinkConfigView => ({
  name,
  value,
  isDefault: false,
  isReadOnly: false,
  isSensitive: false,
  ...extra,
});

const configs: LinkConfigView[] = [
  cfg("link.mode", "DESTINATION"),
  cfg("bootstrap.servers", "SASL_SSL://jump:9092"),
  // A sensitive value that slipped through must still never be rendered.
  cfg("sasl.jaas.config", 'org.apache.kafka.common.security.plain.PlainLoginModule required password="hunter2";', { isSensitive: true }),
  cfg("local.sasl.jaas.config", null, { isSensitive: true, isDefault: true }),
  cfg("ssl.protocol", "TLSv1.3", { isDefault: true }),
  cfg("request.timeout.ms", "30000", { isDefault: true, isReadOnly: true }),
  cfg("auto.create.mirror.topics.filters", '{"topicFilters":[{"name":"mirror_me","patternType":"PREFIXED","filterType":"INCLUDE"}]}'),
  cfg("acl.filters", '{"aclFilters": [{"resourceFilter": {"resourceType": "topic"}'),
  cfg("consumer.offset.group.filters", "", { isDefault: true }),
];

describe("LinkConfigs", () => {
  it("groups configs under connection, mirroring, offset sync and ACL sync", () => {
    render(<LinkConfigs configs={configs} />);
    for (const heading of ["Connection", "Mirroring", "Consumer offset sync", "ACL sync"]) {
      expect(screen.getByRole("heading", { name: heading, level: 3 })).toBeTruthy();
    }
    expect(within(screen.getByTestId("config-group-acl-sync")).getByText("acl.filters")).toBeTruthy();
  });

  it("masks sensitive values and never renders them", () => {
    const { container } = render(<LinkConfigs configs={configs} />);
    expect(container.textContent).not.toContain("hunter2");
    const row = screen.getByTestId("config-sasl.jaas.config");
    expect(within(row).getByText("(sensitive, hidden)")).toBeTruthy();
    expect(within(row).getByText("sensitive")).toBeTruthy();
  });

  it("shows explicit values first and folds dimmed, marked defaults away under each group", () => {
    render(<LinkConfigs configs={configs} />);
    const row = screen.getByTestId("config-ssl.protocol");
    expect(row.closest("details")!.open).toBe(false);
    expect(row.getAttribute("data-default")).toBe("true");
    expect(row.className).toContain("text-muted");
    expect(within(row).getByText("default")).toBeTruthy();
    expect(screen.getByTestId("config-link.mode").getAttribute("data-default")).toBeNull();
    expect(screen.getByTestId("config-link.mode").closest("details")).toBeNull();
    expect(within(screen.getByTestId("config-group-connection")).getByText("3 defaults")).toBeTruthy();
    expect(within(screen.getByTestId("config-request.timeout.ms")).getByText("read-only")).toBeTruthy();
    expect(within(screen.getByTestId("config-group-offset-sync")).getByText(/Nothing set explicitly/)).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Show defaults" }));
    expect(screen.getByTestId("config-ssl.protocol").closest("details")!.open).toBe(true);
  });

  it("pretty-prints filter JSON and flags broken JSON", () => {
    render(<LinkConfigs configs={configs} />);
    const pre = screen.getByTestId("config-auto.create.mirror.topics.filters").querySelector("pre")!;
    expect(pre.textContent).toContain('\n  "topicFilters": [\n    {\n      "name": "mirror_me",');
    expect(within(screen.getByTestId("config-acl.filters")).getByText(/Not valid JSON/)).toBeTruthy();
    expect(within(screen.getByTestId("config-consumer.offset.group.filters")).getByText("empty")).toBeTruthy();
  });

  it("filters by name and unfolds matching defaults", () => {
    render(<LinkConfigs configs={configs} />);
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter configs by name" }), { target: { value: "ssl" } });
    expect(
      screen
        .getAllByRole("row")
        .map((r) => r.getAttribute("data-testid"))
        .filter(Boolean),
    ).toEqual(["config-ssl.protocol"]);
    expect(screen.getByTestId("config-ssl.protocol").closest("details")!.open).toBe(true);
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter configs by name" }), { target: { value: "nothing-like-this" } });
    expect(screen.getByText(/No config name contains/)).toBeTruthy();
  });
});
