import "server-only";
import type { HistoryDatabase } from "./open-database";

/** Integer ids for (cluster, link) and (link, topic), cached for the life of the connection. */
export class SeriesIds {
  private readonly links = new Map<string, number>();
  private readonly mirrors = new Map<string, number>();
  private readonly selectLink;
  private readonly insertLink;
  private readonly selectMirror;
  private readonly insertMirror;

  constructor(db: HistoryDatabase) {
    this.selectLink = db.prepare<[string, string], { id: number }>("SELECT id FROM link WHERE cluster = ? AND name = ?");
    this.insertLink = db.prepare<[string, string]>("INSERT INTO link (cluster, name) VALUES (?, ?)");
    this.selectMirror = db.prepare<[number, string], { id: number }>("SELECT id FROM mirror WHERE link_id = ? AND topic = ?");
    this.insertMirror = db.prepare<[number, string]>("INSERT INTO mirror (link_id, topic) VALUES (?, ?)");
  }

  /** After a rolled-back transaction: ids it created no longer exist. */
  forget(): void {
    this.links.clear();
    this.mirrors.clear();
  }

  /** The link's id, or null when it was never sampled (unless `create`). */
  link(cluster: string, name: string, create: true): number;
  link(cluster: string, name: string, create?: false): number | null;
  link(cluster: string, name: string, create = false): number | null {
    const key = `${cluster}\u0000${name}`;
    const cached = this.links.get(key);
    if (cached !== undefined) return cached;
    const found = this.selectLink.get(cluster, name)?.id ?? (create ? Number(this.insertLink.run(cluster, name).lastInsertRowid) : null);
    if (found !== null) this.links.set(key, found);
    return found;
  }

  mirror(linkId: number, topic: string, create: true): number;
  mirror(linkId: number, topic: string, create?: false): number | null;
  mirror(linkId: number, topic: string, create = false): number | null {
    const key = `${linkId}\u0000${topic}`;
    const cached = this.mirrors.get(key);
    if (cached !== undefined) return cached;
    const found =
      this.selectMirror.get(linkId, topic)?.id ?? (create ? Number(this.insertMirror.run(linkId, topic).lastInsertRowid) : null);
    if (found !== null) this.mirrors.set(key, found);
    return found;
  }
}
