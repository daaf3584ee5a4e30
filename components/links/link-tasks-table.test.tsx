// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { LinkTask } from "@/lib/domain/types";
import { LinkTasksTable } from "./link-tasks-table";

afterEach(cleanup);

const tasks: LinkTask[] = [
  { name: "ConsumerOffsetSync", state: "NOT_CONFIGURED", errors: [] },
  { name: "AutoCreateMirror", state: "ACTIVE", errors: [] },
  {
    name: "AclSync",
    state: "IN_ERROR",
    errors: [
      { code: "MISCONFIGURATION_ERROR", message: "acl.filters is not valid JSON" },
      { code: "AUTHENTICATION_ERROR", message: "bad credentials" },
    ],
  },
  { name: "SomeNewTask", state: "SOME_NEW_STATE", errors: [] },
];

describe("LinkTasksTable", () => {
  it("lists every task with its state as a word, not just a colour", () => {
    render(<LinkTasksTable tasks={tasks} tasksReported linkMode="DESTINATION" />);
    const table = screen.getByRole("table", { name: "Link tasks and their errors" });
    expect(within(table).getAllByRole("row")).toHaveLength(tasks.length + 1);
    expect(within(screen.getByTestId("task-AclSync")).getByText("IN_ERROR")).toBeTruthy();
    expect(within(screen.getByTestId("task-AutoCreateMirror")).getByText("ACTIVE")).toBeTruthy();
    expect(within(screen.getByTestId("task-SomeNewTask")).getByText("SOME_NEW_STATE")).toBeTruthy();
  });

  it("shows each error's code and message", () => {
    render(<LinkTasksTable tasks={tasks} tasksReported linkMode="DESTINATION" />);
    const row = screen.getByTestId("task-AclSync");
    expect(within(row).getByText("MISCONFIGURATION_ERROR")).toBeTruthy();
    expect(row.textContent).toContain("MISCONFIGURATION_ERROR: acl.filters is not valid JSON");
    expect(row.textContent).toContain("AUTHENTICATION_ERROR: bad credentials");
    expect(within(screen.getByTestId("task-AutoCreateMirror")).getByText("None")).toBeTruthy();
  });

  it("explains a cluster that does not report tasks", () => {
    render(<LinkTasksTable tasks={[]} tasksReported={false} linkMode="DESTINATION" />);
    expect(screen.getByText("This cluster does not report link tasks.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("explains why the source half has no tasks", () => {
    render(<LinkTasksTable tasks={[]} tasksReported linkMode="SOURCE" />);
    expect(screen.getByText(/they run on the destination half/)).toBeTruthy();
  });
});
