/** A World with every behaviour module wired in. */
import { installAutoCreate } from "./auto-create";
import type { SimClock } from "./clock";
import { completeReverse } from "./mirror-ops";
import { installOffsetSync } from "./offset-sync";
import { World, type WorldSettings } from "./world";

export function createWorld(clock: SimClock, settings: WorldSettings): World {
  const world = new World(clock, settings);
  installAutoCreate(world);
  installOffsetSync(world);
  world.onStopCompleted.push((topic, at) => completeReverse(world, topic, at));
  return world;
}
