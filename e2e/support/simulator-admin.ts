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

  /** Slows (latencyMs) or breaks (errorRate, errorMode) a share of one cluster's REST answers. */
  async setFaults(name: string, faults: { latencyMs?: number; errorRate?: number; errorMode?: "500" | "malformed" }) {
    const res = await this.request.put(`${E2E_ADMIN_URL}/clusters/${encodeURIComponent(name)}/faults`, { data: faults });
    if (!res.ok()) throw new Error(`simulator admin PUT faults answered ${res.status()}: ${await res.text()}`);
  }

  async clearFaults(name: string) {
    const res = await this.request.delete(`${E2E_ADMIN_URL}/clusters/${encodeURIComponent(name)}/faults`);
    if (!res.ok()) throw new Error(`simulator admin DELETE faults answered ${res.status()}: ${await res.text()}`);
  }

  cutNetwork(a: string, b: string) {
    return this.post("/network/cut", { a, b });
  }

  restoreNetwork(a: string, b: string) {
    return this.post("/network/restore", { a, b });
  }
}
