import "server-only";

/** Bumped when the tables change shape; a file with another version is moved aside and a new one started. */
export const SCHEMA_VERSION = 2;

/*
 * Series are identified by small integers: `link` (cluster, link name) and `mirror` (link, topic). Partition and
 * metric (lag, last source fetch offset) live inside a mirror's frame blob (frame-codec.ts).
 *
 * Raw tables are keyed (link_id, ts, ...) WITHOUT ROWID: a sample appends at the end of each link's key range, so a
 * write touches a handful of pages per link rather than one page per series; a mirror's raw points are its link's
 * timestamps joined to (link_id, ts, mirror_id). One-minute frames, written once a minute and read over days, are
 * keyed (link_id, mirror_id, ts) so a mirror's day is one contiguous range.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS link (
  id INTEGER PRIMARY KEY,
  cluster TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (cluster, name)
);

CREATE TABLE IF NOT EXISTS mirror (
  id INTEGER PRIMARY KEY,
  link_id INTEGER NOT NULL,
  topic TEXT NOT NULL,
  UNIQUE (link_id, topic)
);

-- One row per link per sample; -1 lags mean "not known".
CREATE TABLE IF NOT EXISTS link_raw (
  link_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  max_lag INTEGER NOT NULL,
  total_lag INTEGER NOT NULL,
  PRIMARY KEY (link_id, ts)
) WITHOUT ROWID;

-- One-minute MAX buckets; ts is the minute's start.
CREATE TABLE IF NOT EXISTS link_minute (
  link_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  max_lag INTEGER NOT NULL,
  total_lag INTEGER NOT NULL,
  PRIMARY KEY (link_id, ts)
) WITHOUT ROWID;

-- One row per mirror per sample; partitions is a frame (frame-codec.ts).
CREATE TABLE IF NOT EXISTS mirror_raw (
  link_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  mirror_id INTEGER NOT NULL,
  max_lag INTEGER NOT NULL,
  total_lag INTEGER NOT NULL,
  partitions BLOB NOT NULL,
  PRIMARY KEY (link_id, ts, mirror_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mirror_minute (
  link_id INTEGER NOT NULL,
  mirror_id INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  max_lag INTEGER NOT NULL,
  total_lag INTEGER NOT NULL,
  partitions BLOB NOT NULL,
  PRIMARY KEY (link_id, mirror_id, ts)
) WITHOUT ROWID;

-- When a link half or mirror stopped flowing (docs/link-states.md): the first reading at which it did not flow, kept
-- across restarts; the row goes when it flows again. Added without a version bump: CREATE IF NOT EXISTS is enough.
CREATE TABLE IF NOT EXISTS stale_since (
  key TEXT PRIMARY KEY,
  since INTEGER NOT NULL
) WITHOUT ROWID;

-- Each mirror's peak lag per hour (only above 0; a completed hour keeps its top 50): ranks a link's top lagging mirrors.
CREATE TABLE IF NOT EXISTS mirror_peak_hour (
  link_id INTEGER NOT NULL,
  hour INTEGER NOT NULL,
  mirror_id INTEGER NOT NULL,
  max_lag INTEGER NOT NULL,
  PRIMARY KEY (link_id, hour, mirror_id)
) WITHOUT ROWID;
`;

/** meta keys */
export const META = {
  schemaVersion: "schema_version",
  /** Every minute before this (epoch ms, minute-aligned) has been downsampled. */
  minuteWatermark: "minute_watermark",
  /** The newest sample's timestamp. */
  lastSampleTs: "last_sample_ts",
} as const;
