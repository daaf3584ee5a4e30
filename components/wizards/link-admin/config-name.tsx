import { Fragment } from "react";

/** A dotted config name that wraps only after a dot (consumer.offset.<wbr>sync.ms), never in the middle of a word. */
export function ConfigName({ name, className }: { name: string; className?: string }) {
  const parts = name.split(".");
  return (
    <span className={className}>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed name, never reordered; a part may repeat
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              .<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </span>
  );
}
