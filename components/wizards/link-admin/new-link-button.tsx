import { Plus } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "../ui/button";

/** Entry point to the create-link wizard (the topology page mounts it). */
export function NewLinkButton({ className }: { className?: string }) {
  return (
    <Link href="/links/new" className={buttonClass("primary", className)}>
      <Plus aria-hidden className="size-4" /> New link
    </Link>
  );
}
