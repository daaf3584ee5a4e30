"use client";
import { preloadCode } from "@/components/ui/preload-code";
import { Pencil, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { lazy, useEffect, useState } from "react";
import { BrowserOnly } from "@/components/ui/browser-only";
import { LinkFailoverLink } from "@/components/failover/failover-entry-links";
import { usePermission } from "@/lib/client/permissions";
import { useLinkDetail } from "@/lib/client/use-link";
import { Button, buttonClass } from "../ui/button";

// The dialogs (their frame, and the config editor and delete flow inside) load apart from the link page, asked for as
// the buttons mount so that a click finds them there.
const loadDialogs = () => import("./link-admin-dialogs");
const LinkAdminDialogs = lazy(() => loadDialogs().then((m) => ({ default: m.LinkAdminDialogs })));

/** The link page's admin buttons: create mirrors, edit configs, delete. Disabled, with the reason, for non-admins. */
export function LinkAdminActions({ cluster, link }: { cluster: string; link: string }) {
  const permission = usePermission("admin");
  const detail = useLinkDetail(cluster, link);
  const [open, setOpen] = useState<"configs" | "delete" | null>(null);
  const hostsMirrors = detail.data?.linkMode !== "SOURCE";
  const disabledTitle = permission.reason ?? undefined;
  useEffect(() => preloadCode(loadDialogs), []);
  return (
    <div className="flex flex-wrap gap-2">
      {hostsMirrors ? (
        permission.allowed ? (
          <Link
            href={`/clusters/${encodeURIComponent(cluster)}/links/${encodeURIComponent(link)}/mirrors/new`}
            className={buttonClass("secondary")}
          >
            <Plus aria-hidden className="size-4" /> Create mirrors
          </Link>
        ) : (
          <Button disabled title={disabledTitle}>
            <Plus aria-hidden className="size-4" /> Create mirrors
          </Button>
        )
      ) : null}
      {hostsMirrors && detail.data ? <LinkFailoverLink cluster={cluster} link={link} /> : null}
      <Button disabled={!permission.allowed || !detail.data} title={disabledTitle} onClick={() => setOpen("configs")}>
        <Pencil aria-hidden className="size-4" /> Edit configs
      </Button>
      <Button variant="danger" disabled={!permission.allowed} title={disabledTitle} onClick={() => setOpen("delete")}>
        <Trash2 aria-hidden className="size-4" /> Delete link
      </Button>
      <BrowserOnly fallback={null}>
        <LinkAdminDialogs cluster={cluster} link={link} open={open} onClose={() => setOpen(null)} />
      </BrowserOnly>
    </div>
  );
}
