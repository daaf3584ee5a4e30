"use client";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { createQueryClient } from "@/lib/client/query-client";
import { SettingsProvider, type ClientSettings } from "@/lib/client/settings-context";

export function Providers({ settings, children }: { settings: ClientSettings; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <SettingsProvider value={settings}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </SettingsProvider>
  );
}
