// The vitest tags this project defines (vitest.config.mts); a misspelt tag is a type error, not a test that runs unskipped.
import "vitest";

declare module "vitest" {
  interface TestTags {
    tags: "vendor-refs";
  }
}
