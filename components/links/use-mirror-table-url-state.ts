"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { mirrorTableSearch, parseMirrorTableState, type MirrorTableState } from "./mirror-table-state";

/** The mirrors table's filter and sort, read from and written to the URL (replace, not push: no history spam). */
export function useMirrorTableUrlState(): [MirrorTableState, (next: MirrorTableState) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.toString();
  const state = useMemo(() => parseMirrorTableState(new URLSearchParams(query)), [query]);
  const setState = useCallback(
    (next: MirrorTableState) => {
      // Read the live URL, not the render-time snapshot: another widget may have changed it since.
      const current = typeof window === "undefined" ? query : window.location.search;
      router.replace(`${pathname}${mirrorTableSearch(current, next)}`, { scroll: false });
    },
    [router, pathname, query],
  );
  return [state, setState];
}
