"use client";
import { createContext, useContext } from "react";
import { DEFAULT_POLL_INTERVAL_MS } from "./polling";

export type Role = "viewer" | "operator" | "admin";

export interface ClientSettings {
  pollIntervalMs: number;
  /** `slowClusterThresholdMs` of the config: above it a cluster gets a "slow" badge. */
  slowClusterThresholdMs: number;
  readOnly: boolean;
  authMode: "none" | "users" | "proxy";
  /** Who is signed in (decided by the server for this page load); null on the login page. */
  actor: { user: string; role: Role } | null;
}

const SettingsContext = createContext<ClientSettings>({
  pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
  slowClusterThresholdMs: 2_000,
  readOnly: false,
  authMode: "none",
  actor: null,
});

export const SettingsProvider = SettingsContext.Provider;

export function useSettings(): ClientSettings {
  return useContext(SettingsContext);
}
