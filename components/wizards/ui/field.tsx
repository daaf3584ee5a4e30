import clsx from "clsx";
import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

/** A labelled control with its hint and its error right below it; the error is announced and linked to the control. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={clsx("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-err">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const controlClass = (invalid: boolean) =>
  clsx("w-full rounded-md border bg-surface px-2.5 py-1.5 text-sm text-fg", invalid ? "border-err" : "border-border");

/** Props that tie a control to its Field's hint and error. */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}

export const TextInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }>(function TextInput(
  { invalid = false, className, ...props },
  ref,
) {
  return <input ref={ref} className={clsx(controlClass(invalid), className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }>(function Select(
  { invalid = false, className, ...props },
  ref,
) {
  return <select ref={ref} className={clsx(controlClass(invalid), className)} {...props} />;
});

export const TextArea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }>(
  function TextArea({ invalid = false, className, ...props }, ref) {
    return <textarea ref={ref} className={clsx(controlClass(invalid), "font-mono", className)} {...props} />;
  },
);
