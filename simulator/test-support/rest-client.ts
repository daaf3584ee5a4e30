/**
 * A small REST client for tests that records every exchange (method, concrete path, status, body),
 * so a contract test can validate each answer the suite saw against the vendor spec.
 */
export interface Exchange {
  method: string;
  /** Concrete request path without the query string, e.g. /kafka/v3/clusters/abc/links/x/mirrors:promote */
  path: string;
  query: string;
  status: number;
  contentType: string | null;
  /** Parsed JSON when the body is JSON, the text otherwise, undefined when empty. */
  body: unknown;
  rawBody: string;
}

export interface Credentials {
  username: string;
  password: string;
}

export class RestClient {
  constructor(
    readonly baseUrl: string,
    private creds: Credentials | null,
    private readonly recorder: Exchange[] = [],
  ) {}

  get exchanges(): readonly Exchange[] {
    return this.recorder;
  }

  withCredentials(creds: Credentials | null): RestClient {
    return new RestClient(this.baseUrl, creds, this.recorder);
  }

  async request(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    opts: { rawBody?: string; contentType?: string } = {},
  ): Promise<Exchange> {
    const headers: Record<string, string> = {};
    if (this.creds) headers.authorization = `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString("base64")}`;
    let payload: string | undefined;
    if (opts.rawBody !== undefined) payload = opts.rawBody;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers["content-type"] = opts.contentType ?? "application/json";
    const res = await fetch(this.baseUrl + pathAndQuery, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const rawBody = await res.text();
    const contentType = res.headers.get("content-type");
    let parsed: unknown = rawBody === "" ? undefined : rawBody;
    if (rawBody !== "" && contentType?.includes("json")) {
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        parsed = rawBody;
      }
    }
    const [path = "", query = ""] = pathAndQuery.split("?");
    const ex: Exchange = { method, path, query, status: res.status, contentType, body: parsed, rawBody };
    this.recorder.push(ex);
    return ex;
  }

  get(p: string) {
    return this.request("GET", p);
  }
  post(p: string, body?: unknown) {
    return this.request("POST", p, body);
  }
  put(p: string, body?: unknown) {
    return this.request("PUT", p, body);
  }
  delete(p: string) {
    return this.request("DELETE", p);
  }
}
