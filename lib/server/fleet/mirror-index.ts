/** The key of one hosting half: a cluster and a link it hosts mirrors of. */
export const halfKey = (cluster: string, link: string) => `${cluster}/${link}`;

/**
 * Something known about every hosted mirror, kept per hosting half. A half's map is built once and reused by later
 * derivations while its inputs stay the same, so a derivation assembles only one entry per half instead of one per
 * mirror of the fleet, and a consumer can tell an unchanged half by its map's identity.
 */
export class MirrorIndex<T> {
  constructor(readonly byHalf: ReadonlyMap<string, ReadonlyMap<string, T>> = new Map()) {}

  get(cluster: string, link: string, topic: string): T | undefined {
    return this.byHalf.get(halfKey(cluster, link))?.get(topic);
  }

  half(cluster: string, link: string): ReadonlyMap<string, T> | undefined {
    return this.byHalf.get(halfKey(cluster, link));
  }
}
