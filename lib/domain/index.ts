/*
 * Linkscope's pure domain layer: no I/O, no React, nothing else of ours. Shared by the server and the browser.
 * The modules behind deriveTopology (pairing, shape, problems, mirror figures) are internal; import from here.
 */
export * from "./types";
export { PROBLEM_CODES, type ProblemCode } from "./problem-codes";
export { deriveTopology } from "./topology/topology";
export { linkIdOf } from "./topology/link-pairing";
export { blastRadiusOf, downstreamOf, upstreamOf, type BlastRadius, type Chain } from "./topology/chains";
export {
  compareLinkRollupSeverity,
  isLinkErrorPresent,
  linkRollupSeverity,
  rollupLinkState,
  type LinkHealthSignals,
} from "./links/link-health";
export {
  CONNECTION_MODES,
  LINK_MODES,
  isKnownConnectionMode,
  isKnownLinkMode,
  type ConnectionMode,
  type LinkMode,
} from "./links/link-modes";
export * from "./mirrors/mirror-states";
export * from "./names";
export * from "./mirrors/flow";
