import type { APIRequestContext } from "@playwright/test";
import { E2E_ADMIN_URL } from "./ports";

/** The simulator's admin API, for tests that inject faults. Every call checks its answer. */
export class SimulatorAdmin {
  constructor(private readonly request: APIRequestContext) {}

  private async post(path: string, body: unknown = {}) {
    const res = await this.request.post(`${E2E_ADMIN_URL}${path}`, { data: body });
    if (!res.ok()) throw new Error(`simulator admin ${path} answered ${res.status()}: ${await res.text()}`);
    return res;
  }

  stopCluster(name: string) {
    return this.post(`/clusters/${encodeURIComponent(name)}/stop`);
  }

  startCluster(name: string) {
    return this.post(`/clusters/${encodeURIComponent(name)}/start`);
  }

  cutNetwork(a: string, b: string) {
    return this.post("/network/cut", { a, b });
  }

  restoreNetwork(a: string, b: string) {
    return this.post("/network/restore", { a, b });
  }
}
