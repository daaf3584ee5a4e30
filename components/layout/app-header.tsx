"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Waypoints } from "lucide-react";
import clsx from "clsx";
import { useSettings } from "@/lib/client/settings-context";
import { FleetStatusIndicator } from "./fleet-status-indicator";
import { UserMenu } from "./user-menu";

interface NavItem {
  href: string;
  label: string;
  /** Set while the page does not exist yet: the item is shown, explained, and not clickable. */
  pending?: string;
}

const NAV: NavItem[] = [
  { href: "/", label: "Topology" },
  { href: "/failover", label: "Failover" },
  { href: "/audit", label: "Audit" },
];

export function AppHeader() {
  const pathname = usePathname();
  const { authMode, readOnly, actor } = useSettings();
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex w-full max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-base font-semibold text-fg">
          <Waypoints aria-hidden className="size-5 text-accent" />
          Linkscope
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1">
            {NAV.map((item) => (
              <li key={item.href}>
                {item.pending ? (
                  <span aria-disabled="true" title={item.pending} className="cursor-not-allowed rounded px-3 py-1.5 text-sm text-muted">
                    {item.label} <span className="text-xs">(soon)</span>
                  </span>
                ) : (
                  <Link
                    href={item.href}
                    aria-current={pathname === item.href ? "page" : undefined}
                    className={clsx(
                      "rounded px-3 py-1.5 text-sm font-medium",
                      pathname === item.href ? "bg-surface-2 text-fg" : "text-muted hover:bg-surface-2 hover:text-fg",
                    )}
                  >
                    {item.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {readOnly ? <span className="rounded bg-info-bg px-2 py-1 text-xs font-medium text-info">Read-only</span> : null}
          {authMode === "none" ? (
            <span
              className="rounded bg-warn-bg px-2 py-1 text-xs font-medium text-warn"
              title="auth.mode is none: anyone who can reach this server can act"
            >
              No sign-in: actions are unauthenticated
            </span>
          ) : null}
          {authMode === "none" || actor ? <FleetStatusIndicator /> : null}
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
