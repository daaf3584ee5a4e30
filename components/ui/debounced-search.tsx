"use client";
import { Search } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A search box that answers each keystroke on screen but reports the text only after a pause, so typing a
 * topic name does not rewrite the URL once per letter. Follows `value` when it changes from outside (back button).
 */
export function DebouncedSearch({
  value,
  onCommit,
  label,
  placeholder,
  delayMs = 250,
  className,
}: {
  value: string;
  onCommit: (text: string) => void;
  label: string;
  placeholder?: string;
  delayMs?: number;
  className?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = text;
      commit.current(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);

  return (
    <span className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <span className="relative block">
        <Search aria-hidden className="pointer-events-none absolute left-2 top-1/2 size-4 -translate-y-1/2 text-muted" />
        <input
          id={id}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={placeholder}
          className="w-full rounded border border-border bg-surface py-1.5 pl-7 pr-2 text-sm"
        />
      </span>
    </span>
  );
}
