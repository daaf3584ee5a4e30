"use client";
import { Pencil, Plus, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { LinkFailoverLink } from "@/components/failover/failover-entry-links";
import { usePermission } from "@/lib/client/permissions";
import { useLinkDetail } from "@/lib/client/use-link";
import { Button, buttonClass } from "../ui/button";
import { Modal } from "../ui/modal";
import { SkeletonBlock } from "@/components/ui/skeleton";

// The dialogs' code (the config rules and requests, the delete flow) loads when one is opened, not with the link page.
const ConfigEditor = dynamic(() => import("./config-editor").then((m) => m.ConfigEditor), {
  ssr: false,
  loading: () => <SkeletonBlock label="Loading the config editor" lines={6} />,
});
const DeleteLinkDialogBody = dynamic(() => import("./delete-link-dialog").then((m) => m.DeleteLinkDialogBody), {
  ssr: false,
  loading: () => <SkeletonBlock label="Loading the delete dialog" />,
});

/** The link page's admin buttons: create mirrors, edit configs, delete. Disabled, with the reason, for non-admins. */
export function LinkAdminActions({ cluster, link }: { cluster: string; link: string }) {
  const permission = usePermission("admin");
  const detail = useLinkDetail(cluster, link);
  const [open, setOpen] = useState<"configs" | "delete" | null>(null);
  const hostsMirrors = detail.data?.linkMode !== "SOURCE";
  const disabledTitle = permission.reason ?? undefined;
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
      <Modal open={open === "configs"} onClose={() => setOpen(null)} title={`Edit configs of ${link} on ${cluster}`} wide>
        {detail.data ? (
          <ConfigEditor
            cluster={cluster}
            link={link}
            configs={detail.data.configs}
            linkMode={detail.data.linkMode}
            connectionMode={detail.data.connectionMode}
          />
        ) : null}
      </Modal>
      <Modal open={open === "delete"} onClose={() => setOpen(null)} title={`Delete ${link} on ${cluster}`}>
        <DeleteLinkDialogBody cluster={cluster} link={link} onDone={() => setOpen(null)} />
      </Modal>
    </div>
  );
}
