"use client";
import dynamic from "next/dynamic";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useLinkDetail } from "@/lib/client/use-link";
import { Modal } from "../ui/modal";

// The dialogs' code (the config rules and requests, the delete flow) loads when one is opened, not with the link page.
const ConfigEditor = dynamic(() => import("./config-editor").then((m) => m.ConfigEditor), {
  ssr: false,
  loading: () => <SkeletonBlock label="Loading the config editor" lines={6} />,
});
const DeleteLinkDialogBody = dynamic(() => import("./delete-link-dialog").then((m) => m.DeleteLinkDialogBody), {
  ssr: false,
  loading: () => <SkeletonBlock label="Loading the delete dialog" />,
});

/** The link page's admin dialogs: edit configs and delete, one open at a time (`open`), closed by `onClose`. */
export function LinkAdminDialogs({
  cluster,
  link,
  open,
  onClose,
}: {
  cluster: string;
  link: string;
  open: "configs" | "delete" | null;
  onClose: () => void;
}) {
  const detail = useLinkDetail(cluster, link);
  return (
    <>
      <Modal open={open === "configs"} onClose={onClose} title={`Edit configs of ${link} on ${cluster}`} wide>
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
      <Modal open={open === "delete"} onClose={onClose} title={`Delete ${link} on ${cluster}`}>
        <DeleteLinkDialogBody cluster={cluster} link={link} onDone={onClose} />
      </Modal>
    </>
  );
}
