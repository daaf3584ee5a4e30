/** Button looks shared by the action flows; colours come from theme tokens only. */
export const buttonClass = {
  primary:
    "inline-flex items-center justify-center gap-1.5 rounded bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50",
  danger:
    "inline-flex items-center justify-center gap-1.5 rounded bg-err px-3 py-1.5 text-sm font-semibold text-surface hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50",
  secondary:
    "inline-flex items-center justify-center gap-1.5 rounded border border-border bg-surface px-3 py-1.5 text-sm font-medium text-fg hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-50",
  link: "text-sm font-medium text-accent underline-offset-2 hover:underline",
} as const;
