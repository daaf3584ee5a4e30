/**
 * A vitest reporter that closes the run with one line naming the vendor-contract tests it skipped (tag vendor-refs,
 * skipped by vitest.config.mts when Confluent's refs are absent) and how to run them. Under CI=true they are never
 * skipped; if the refs are missing there it says so, next to the failures that follow.
 */
import type { Reporter, TestModule, Vitest } from "vitest/node";
import { ENABLE_VENDOR_REFS, VENDOR_REFS_TAG, vendorRefsPath, vendorRefsPresent, vendorRefsRequired, vendorRefsSkippedLine } from "../contract/refs-location";

export default class VendorRefsReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (test.tags.includes(VENDOR_REFS_TAG) && test.result().state === "skipped") skipped.push(module.moduleId);
      }
    }
    const line = vendorRefsSkippedLine(skipped);
    const log = (text: string) => (this.vitest ? this.vitest.logger.log(text) : console.log(text));
    if (line) log(line);
    else if (vendorRefsRequired() && !vendorRefsPresent()) {
      log(`CI=true and no vendor refs at ${vendorRefsPath()}: the vendor-contract tests fail. To run them, ${ENABLE_VENDOR_REFS}.`);
    }
  }
}
