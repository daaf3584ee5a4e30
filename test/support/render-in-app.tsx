import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { type ClientSettings, SettingsProvider } from "@/lib/client/settings-context";

/** A component test's page shell: the settings a page gets from its layout and a query client that never retries. */
export function renderInApp(ui: ReactNode, settings: Partial<ClientSettings> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <SettingsProvider
      value={{
        pollIntervalMs: 60_000,
        slowClusterThresholdMs: 2_000,
        readOnly: false,
        authMode: "none",
        actor: { user: "anonymous", role: "admin" },
        ...settings,
      }}
    >
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </SettingsProvider>,
  );
}
