"use client";
import { createContext, useContext } from "react";
import { DEFAULT_POLL_INTERVAL_MS } from "./polling";

export interface ClientSettings {
  pollIntervalMs: number;
  readOnly: boolean;
  authMode: "none" | "users" | "proxy";
}

const SettingsContext = createContext<ClientSettings>({ pollIntervalMs: DEFAULT_POLL_INTERVAL_MS, readOnly: false, authMode: "none" });

export const SettingsProvider = SettingsContext.Provider;

export function useSettings(): ClientSettings {
  return useContext(SettingsContext);
}
