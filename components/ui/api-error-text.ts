import { ApiRequestError } from "@/lib/client/fetch-json";

export interface ApiErrorText {
  title: string;
  /** The server's own sentence, when it sent one. */
  detail: string | null;
  /** What the reader can do, or what will happen by itself. */
  advice: string;
  /** Whether waiting helps: the page keeps polling and recovers on its own. */
  transient: boolean;
}

/**
 * Turns a failed read into words an SRE can act on. `cluster` names the cluster the read went to, `what` the
 * thing that failed to load ("the link", "the mirrors").
 */
export function describeApiError(error: unknown, { cluster, what }: { cluster?: string; what: string }): ApiErrorText {
  const on = cluster ? ` ${cluster}` : " the cluster";
  if (!(error instanceof ApiRequestError)) {
    return {
      title: `Could not load ${what}.`,
      detail: error instanceof Error ? error.message : null,
      advice: "Reload the page; if it keeps failing, the Linkscope server log has the details.",
      transient: false,
    };
  }
  switch (error.code) {
    case "cluster-unreachable":
      return {
        title: `Cluster${on} is unreachable.`,
        detail: error.message,
        advice: `Linkscope keeps trying; ${what} will appear again as soon as${on} answers. Check its REST endpoint and the network path from the Linkscope server.`,
        transient: true,
      };
    case "upstream-timeout":
      return {
        title: `Cluster${on} did not answer in time.`,
        detail: error.message,
        advice: `Linkscope retries on every refresh; a cluster under heavy load usually recovers. If it persists, check${on}'s REST endpoint latency.`,
        transient: true,
      };
    case "upstream-error":
      return {
        title: `Cluster${on} answered with an error.`,
        detail: error.message,
        advice: `Check${on}'s REST API and the credentials Linkscope uses for it; the page retries on every refresh.`,
        transient: true,
      };
    case "not-found":
      return {
        title: `Not found: ${what}.`,
        detail: error.message,
        advice: "Check the name in the address, or open the link from its cluster's page; it may have been deleted.",
        transient: false,
      };
    case "unauthenticated":
      return { title: "You are signed out.", detail: error.message, advice: "Sign in again, then reload this page.", transient: false };
    case "forbidden":
      return {
        title: `You may not read ${what}.`,
        detail: error.message,
        advice: "Ask a Linkscope administrator for a role that can read links.",
        transient: false,
      };
    case "invalid-request":
      return {
        title: `Linkscope refused the request for ${what}.`,
        detail: error.message,
        advice: "Check the address of this page.",
        transient: false,
      };
    case "network-error":
      return {
        title: "Cannot reach the Linkscope server.",
        detail: null,
        advice: "Check that it is running and your network is up; this page retries on its own.",
        transient: true,
      };
    default:
      return {
        title: `Could not load ${what}.`,
        detail: error.message,
        advice: error.isDeterministic
          ? "Reload the page; if it keeps failing, the Linkscope server log has the details."
          : "The page retries on every refresh.",
        transient: !error.isDeterministic,
      };
  }
}
