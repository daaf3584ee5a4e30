// The layout engine's thread: elkjs's worker build answers the layout requests posted to it (it installs
// `self.onmessage` when it finds itself in a worker), so laying out a large fleet never freezes the page.
import "elkjs/lib/elk-worker.min.js";
