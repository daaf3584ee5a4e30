/**
 * Looks for known secret values in a stream of text (HTTP bodies, log lines). Chunks are scanned with an overlap,
 * so a secret split across two chunks is still found.
 */
export interface SecretHit {
  where: string;
  /** Which secret, by position in the list: never the value itself. */
  secretIndex: number;
}

export class SecretScanner {
  private readonly secrets: string[];
  private readonly overlap: number;
  private readonly tails = new Map<string, string>();
  bytesScanned = 0;

  constructor(secrets: readonly string[]) {
    // Short values would match by accident; credentials are longer than this.
    this.secrets = [...new Set(secrets)].filter((s) => s.length >= 8);
    this.overlap = Math.max(0, ...this.secrets.map((s) => s.length)) - 1;
  }

  get secretCount(): number {
    return this.secrets.length;
  }

  /** Scans the next chunk of the stream named `stream`; returns the hits, each reported once per chunk. */
  scan(stream: string, chunk: string, where = stream): SecretHit[] {
    this.bytesScanned += chunk.length;
    const text = (this.tails.get(stream) ?? "") + chunk;
    this.tails.set(stream, text.slice(-this.overlap));
    const hits: SecretHit[] = [];
    this.secrets.forEach((secret, secretIndex) => {
      if (text.includes(secret)) hits.push({ where, secretIndex });
    });
    return hits;
  }

  end(stream: string): void {
    this.tails.delete(stream);
  }
}
