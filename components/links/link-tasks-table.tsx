import type { LinkTask } from "@/lib/domain/types";
import { EmptyState } from "@/components/ui/empty-state";
import { TaskStateBadge } from "@/components/ui/state-badge";

const TASK_MEANING: Record<string, string> = {
  ConsumerOffsetSync: "Copies consumer group offsets (consumer.offset.sync.*).",
  AutoCreateMirror: "Creates mirror topics for source topics matching auto.create.mirror.topics.filters.",
  AclSync: "Copies ACLs matching acl.filters.",
  TopicConfigsSync: "Keeps mirror topic configs in step with the source topics.",
};

/** What the link's background tasks are doing, with every error's code and message. */
export function LinkTasksTable({
  tasks,
  tasksReported,
  linkMode,
}: {
  tasks: readonly LinkTask[];
  tasksReported: boolean;
  linkMode: string;
}) {
  if (!tasksReported) {
    return (
      <EmptyState title="This cluster does not report link tasks.">
        Older Confluent Platform versions have no <code className="font-mono">include_tasks</code>; check the broker logs for AclSync,
        AutoCreateMirror and offset sync errors.
      </EmptyState>
    );
  }
  if (tasks.length === 0) {
    return (
      <EmptyState title="No tasks reported.">
        {linkMode === "SOURCE"
          ? "The source half of a source-initiated link runs no tasks; they run on the destination half."
          : "The cluster listed no tasks for this link."}
      </EmptyState>
    );
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Link tasks and their errors</caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Task
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              State
            </th>
            <th scope="col" className="py-2 font-medium">
              Errors
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.name} className="border-t border-border align-top" data-testid={`task-${t.name}`}>
              <th scope="row" className="py-2 pr-3 font-medium" title={TASK_MEANING[t.name]}>
                {t.name}
                {TASK_MEANING[t.name] ? <span className="block text-xs font-normal text-muted">{TASK_MEANING[t.name]}</span> : null}
              </th>
              <td className="py-2 pr-3">
                <TaskStateBadge state={t.state} />
              </td>
              <td className="py-2">
                {t.errors.length === 0 ? (
                  <span className="text-muted">None</span>
                ) : (
                  <ul className="space-y-1">
                    {t.errors.map((e, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the vendor may repeat an error code; the list is replaced as a whole on each poll
                      <li key={`${e.code}-${i}`} className="break-words">
                        <span className="font-mono text-xs font-semibold text-err">{e.code}</span>
                        <span className="text-fg">: {e.message}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
