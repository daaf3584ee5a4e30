"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="ghost"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

/** Copyable text: commands, config files, request bodies. Secrets are masked before they get here. */
export function CodeBlock({ title, text, copyLabel }: { title: string; text: string; copyLabel?: string }) {
  return (
    <figure className="rounded-md border border-border bg-surface-2">
      <figcaption className="flex items-center justify-between gap-2 border-b border-border px-3 py-1 text-xs font-medium text-muted">
        <span>{title}</span>
        <CopyButton text={text} label={copyLabel ?? `Copy ${title}`} />
      </figcaption>
      <pre className="max-h-72 overflow-auto px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap break-all">{text}</pre>
    </figure>
  );
}
