// The production build (`remix vite:build`) as `npm start` and the e2e server
// run it. Vite's progress lines pass through; its table of every file's size
// (some 150 lines) does not. What Vite writes to stderr, its warnings and
// errors, is shown and handed back, so that a caller can tell a clean build.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { stripVTControlCharacters } from "node:util";

/** A line of Vite's size table: "build/client/assets/x-AbC123.js   1.23 kB │ gzip: 0.61 kB". */
const SIZE_LINE = /^\S+\.\w+\s+[\d.,]+ kB\b/;

export type BuildResult = {
  /** Everything the build wrote to stderr: empty for a clean build. */
  warnings: string;
};

export function buildApp({ buildDir }: { buildDir?: string } = {}): Promise<BuildResult> {
  const child = spawn("npx", ["remix", "vite:build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: buildDir ? { ...process.env, BUILD_DIR: buildDir } : process.env,
  });
  createInterface({ input: child.stdout }).on("line", (line) => {
    // Coloured when FORCE_COLOR is set (Playwright sets it for its web server).
    if (!SIZE_LINE.test(stripVTControlCharacters(line))) console.log(line);
  });
  let warnings = "";
  child.stderr.on("data", (chunk: Buffer) => {
    warnings += chunk.toString("utf8");
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) resolve({ warnings });
      else reject(new BuildFailed(signal ? `The build was stopped (${signal}).` : `The build failed (exit code ${code}); its output is above.`));
    });
  });
}

/** A failed or interrupted build: its own output already says why, so callers print only this message. */
export class BuildFailed extends Error {}
