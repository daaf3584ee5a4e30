/** The admin API (its own port, outside /kafka): time, faults, topics, counters. Documented in simulator/README.md. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { z } from "zod";
import { ApiError } from "../model/errors";
import { rotateCredentials, setNetworkCut } from "../model/faults";
import { addMember, groupLags, groupOrNew, groupState, removeMembers } from "../model/consumer-groups";
import { getLink, setLinkFetchRate } from "../model/link-ops";
import { apiKey, apiSecret, rngFor } from "../model/rng";
import { createTopic, deleteTopic, getTopic, setProduceRate } from "../model/topic-ops";
import type { ClusterState } from "../model/types";
import type { SimulatorRuntime } from "../runtime";
import { readBody, sendJson, sendText } from "./io";
import { WIRE_STYLES } from "./wire-style";

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ClockBody = z
  .object({
    advanceMs: z.number().min(0).optional(),
    speed: z.number().positive().optional(),
    mode: z.enum(["manual", "realtime"]).optional(),
  })
  .strict();
const FaultsBody = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    errorMode: z.enum(["500", "malformed"]).optional(),
  })
  .strict();
const WireBody = z.object({ style: z.enum(WIRE_STYLES) }).strict();
const PairBody = z.object({ a: z.string(), b: z.string() }).strict();
const CredsBody = z
  .object({
    rest: z.union([z.literal(true), z.object({ username: z.string().min(1), password: z.string().min(1) }).strict()]).optional(),
    kafka: z.union([z.literal(true), z.object({ apiKey: z.string().min(1), apiSecret: z.string().min(1) }).strict()]).optional(),
  })
  .strict();
const TopicBody = z
  .object({ name: z.string().min(1), partitions: z.number().int().min(1).max(4096).optional(), produceRate: z.number().min(0).optional() })
  .strict();
const MemberBody = z.object({ clientId: z.string().min(1).max(255).optional() }).strict();
const RateBody = z.object({ messagesPerSecond: z.number().min(0) }).strict();

function parse<T>(schema: z.ZodType<T>, text: string): T {
  let raw: unknown = {};
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AdminError(400, "body is not valid JSON");
    }
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new AdminError(400, `invalid body: ${i ? `${i.path.join(".") || "(root)"}: ${i.message}` : "invalid"}`);
  }
  return r.data;
}

export class AdminServer {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private rotations = 0;

  constructor(
    private readonly rt: SimulatorRuntime,
    private readonly host: string,
  ) {}

  get url(): string {
    const host = this.host.includes(":") ? `[${this.host}]` : this.host;
    return `http://${host}:${this.port}`;
  }

  async start(port: number): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        const status = err instanceof AdminError ? err.status : err instanceof ApiError ? err.status : 500;
        if (!res.headersSent) sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
      });
    });
    server.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, this.host, () => resolve());
    });
    const addr = server.address();
    if (addr && typeof addr === "object") this.port = addr.port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((r) => server.close(() => r()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private cluster(name: string | undefined): ClusterState {
    const c = name ? this.rt.cluster(decodeURIComponent(name)) : undefined;
    if (!c) throw new AdminError(404, `unknown cluster ${name ?? ""}`);
    return c;
  }

  private clusterInfo(c: ClusterState) {
    const d = this.rt.describeClusters().find((x) => x.name === c.name);
    return {
      ...d,
      listening: this.rt.server(c).listening,
      credentials: { rest: { ...c.rest }, kafka: { apiKey: c.kafka.username, apiSecret: c.kafka.password } },
      faults: { ...this.rt.faults.get(c.name) },
      wire: { ...this.rt.wire.get(c.name) },
    };
  }

  private topicInfo(c: ClusterState, name: string) {
    const now = this.rt.world.advance();
    const t = getTopic(c, name);
    return {
      cluster: c.name,
      name: t.name,
      partitions: t.partitions,
      produceRate: t.produceRate,
      endOffsets: t.log.endOffsets(now),
      mirror: t.mirror
        ? { link: t.mirror.link.name, source: t.mirror.sourceTopicName, status: this.rt.world.mirrorDisplayStatus(t, now) }
        : null,
    };
  }

  private groupInfo(c: ClusterState, id: string) {
    const now = this.rt.world.advance();
    const g = c.groups.get(id);
    if (!g) throw new AdminError(404, `${c.name} has no consumer group ${id}`);
    return {
      cluster: c.name,
      group: g.id,
      state: groupState(g),
      members: g.members.map((m) => ({ ...m })),
      offsets: groupLags(g, now).map((r) => ({
        topic: r.topic,
        partition: r.partition,
        committed: r.currentOffset,
        logEnd: r.logEndOffset,
      })),
      syncedAt: Object.fromEntries(g.syncedAt),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rt = this.rt;
    const method = (req.method ?? "GET").toUpperCase();
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const seg = path.split("/").filter((s) => s !== "");
    const body = await readBody(req);
    const ok = (value: unknown) => sendJson(res, 200, value);

    if (method === "GET" && seg.length === 0) {
      return ok({
        clock: rt.clock.snapshot(),
        clusters: rt.world.clusters.map((c) => this.clusterInfo(c)),
        network: { cuts: rt.world.listCuts() },
      });
    }
    if (seg[0] === "clock" && seg.length === 1) {
      if (method === "GET") return ok(rt.clock.snapshot());
      if (method === "POST") {
        const b = parse(ClockBody, body);
        rt.world.advance();
        if (b.mode) rt.clock.setMode(b.mode);
        if (b.speed !== undefined) rt.clock.setSpeed(b.speed);
        if (b.advanceMs !== undefined) rt.clock.advance(b.advanceMs);
        rt.world.advance();
        return ok(rt.clock.snapshot());
      }
    }
    if (seg[0] === "config.yaml" && method === "GET") return sendText(res, 200, "application/yaml", rt.configYaml());
    if (seg[0] === "counters" && seg.length === 1) {
      if (method === "GET") return ok({ clusters: rt.counters.snapshot() });
      if (method === "DELETE") {
        rt.counters.reset();
        return ok({ clusters: {} });
      }
    }
    if (seg[0] === "counters" && seg[1] === "reset" && method === "POST") {
      rt.counters.reset();
      return ok({ clusters: {} });
    }
    if (seg[0] === "network") {
      if (method === "GET" && seg.length === 1) return ok({ cuts: rt.world.listCuts() });
      if (method === "POST" && (seg[1] === "cut" || seg[1] === "restore") && seg.length === 2) {
        const b = parse(PairBody, body);
        const a = this.cluster(b.a);
        const c = this.cluster(b.b);
        if (a === c) throw new AdminError(400, "a and b must be two different clusters");
        setNetworkCut(rt.world, a, c, seg[1] === "cut", rt.world.advance());
        return ok({ cuts: rt.world.listCuts() });
      }
    }
    if (seg[0] === "clusters") {
      if (seg.length === 1 && method === "GET") return ok({ clusters: rt.world.clusters.map((c) => this.clusterInfo(c)) });
      const c = this.cluster(seg[1]);
      if (seg.length === 2 && method === "GET") return ok(this.clusterInfo(c));
      if (seg.length === 3 && method === "POST" && seg[2] === "stop") {
        await rt.stopCluster(c);
        return ok(this.clusterInfo(c));
      }
      if (seg.length === 3 && method === "POST" && seg[2] === "start") {
        await rt.startCluster(c);
        return ok(this.clusterInfo(c));
      }
      if (seg.length === 3 && seg[2] === "faults") {
        const f = rt.faults.get(c.name);
        if (!f) throw new AdminError(404, "no faults record");
        if (method === "PUT" || method === "POST") {
          const b = parse(FaultsBody, body);
          if (b.latencyMs !== undefined) f.latencyMs = b.latencyMs;
          if (b.errorRate !== undefined) f.errorRate = b.errorRate;
          if (b.errorMode !== undefined) f.errorMode = b.errorMode;
          return ok({ ...f });
        }
        if (method === "DELETE") {
          Object.assign(f, { latencyMs: 0, errorRate: 0, errorMode: "500" });
          return ok({ ...f });
        }
        if (method === "GET") return ok({ ...f });
      }
      if (seg.length === 3 && seg[2] === "wire") {
        const w = rt.wire.get(c.name);
        if (!w) throw new AdminError(404, "no wire record");
        if (method === "PUT" || method === "POST") w.style = parse(WireBody, body).style;
        if (method === "PUT" || method === "POST" || method === "GET") return ok({ ...w });
      }
      if (seg.length === 3 && seg[2] === "credentials" && method === "POST") {
        const b = parse(CredsBody, body);
        const rng = rngFor(rt.world.settings.seed, `rotate:${c.name}:${this.rotations++}`);
        const rest = b.rest === true ? { username: apiKey(rng), password: apiSecret(rng) } : b.rest;
        const kafka =
          b.kafka === true
            ? { username: apiKey(rng), password: apiSecret(rng) }
            : b.kafka
              ? { username: b.kafka.apiKey, password: b.kafka.apiSecret }
              : undefined;
        rotateCredentials(rt.world, c, { ...(rest ? { rest } : {}), ...(kafka ? { kafka } : {}) }, rt.world.advance());
        return ok(this.clusterInfo(c).credentials);
      }
      if (seg.length === 5 && seg[2] === "links" && seg[4] === "fetch-rate" && (method === "PUT" || method === "POST")) {
        const b = parse(RateBody, body);
        const half = getLink(c, decodeURIComponent(seg[3] ?? ""));
        setLinkFetchRate(rt.world, half, b.messagesPerSecond, rt.world.advance());
        return ok({ cluster: c.name, link: half.name, fetchRate: half.fetchRate });
      }
      if (seg[2] === "consumer-groups" && seg[3]) {
        const groupId = decodeURIComponent(seg[3]);
        if (seg.length === 4 && method === "GET") return ok(this.groupInfo(c, groupId));
        if (seg.length === 5 && seg[4] === "members" && method === "POST") {
          const b = parse(MemberBody, body);
          const g = groupOrNew(c, groupId);
          addMember(g, rt.world.advance(), b.clientId);
          return sendJson(res, 201, this.groupInfo(c, groupId));
        }
        if (seg.length === 5 && seg[4] === "members" && method === "DELETE") {
          const g = c.groups.get(groupId);
          if (!g) throw new AdminError(404, `${c.name} has no consumer group ${groupId}`);
          removeMembers(g, rt.world.advance());
          return ok(this.groupInfo(c, groupId));
        }
      }
      if (seg[2] === "topics") {
        if (seg.length === 3 && method === "POST") {
          const b = parse(TopicBody, body);
          const t = createTopic(
            rt.world,
            c,
            { name: b.name, partitions: b.partitions, produceRate: b.produceRate },
            { at: rt.world.advance(), validateOnly: false },
          );
          return sendJson(res, 201, this.topicInfo(c, t.name));
        }
        const topicName = seg[3] ? decodeURIComponent(seg[3]) : undefined;
        if (topicName && seg.length === 4 && method === "GET") return ok(this.topicInfo(c, topicName));
        if (topicName && seg.length === 4 && method === "DELETE") {
          const t = getTopic(c, topicName);
          deleteTopic(rt.world, t, rt.world.advance());
          return ok({ deleted: `${c.name}/${topicName}` });
        }
        if (topicName && seg.length === 5 && seg[4] === "produce-rate" && (method === "PUT" || method === "POST")) {
          const b = parse(RateBody, body);
          setProduceRate(rt.world, getTopic(c, topicName), b.messagesPerSecond, rt.world.advance());
          return ok(this.topicInfo(c, topicName));
        }
      }
    }
    throw new AdminError(404, `no admin endpoint ${method} ${path}`);
  }
}
