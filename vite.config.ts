import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { flatRoutes } from "remix-flat-routes";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// BUILD_DIR lets the e2e server build beside a running app without touching its build.
const buildDirectory = process.env.BUILD_DIR ?? "build";

export default defineConfig({
  server: { port: 3000 },
  // Vite's dependency scan follows route files into their .server imports, and bundling
  // @node-rs/argon2 (native, server-only) for the browser fails: the optimizer never
  // settles and the dev server answers the pages' modules with 504s.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  build: {
    rollupOptions: {
      // Two warnings of every build that say nothing about our code, so that a
      // warning that does stands out (the Remix plugin hands these on to us):
      onwarn(warning, warn) {
        // Remix 2 gives each resource route (a loader or action without a page:
        // feeds, CSV, webhooks) a browser module, which is empty; no page loads
        // it. Closed unfixed with Remix 2's end (remix-run/remix#9055).
        if (warning.code === "EMPTY_BUNDLE") return;
        // zod's own comments mention `@__PURE__` in prose; Rollup finds that
        // word where no annotation can stand and drops the comment, leaving the
        // code as it was.
        if (warning.code === "INVALID_ANNOTATION" && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? "")) return;
        warn(warning);
      },
    },
  },
  plugins: [
    tailwindcss(),
    // Vitest loads this file too; the Remix plugin only belongs to the app build.
    !process.env.VITEST &&
      remix({
        buildDirectory,
        // Routes are grouped by area in "+" folders (remix-flat-routes, the Epic Stack's
        // convention); Remix's own scan is switched off so each file is read once.
        ignoredRouteFiles: ["**/*"],
        routes: (defineRoutes) => flatRoutes("routes", defineRoutes, { ignoredRouteFiles: ["**/*.test.{ts,tsx}"] }),
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
    // The service worker that keeps the program for offline reading at the venue
    // (app/sw.ts says what it keeps). injectManifest: our own worker, built from
    // Workbox's modules, with the client build's asset list put in; the pages
    // register it themselves (components/offline.tsx), and the web app manifest
    // is public/'s own. Only the client build: the plugin skips the server build.
    !process.env.VITEST &&
      VitePWA({
        strategies: "injectManifest",
        srcDir: "app",
        filename: "sw.ts",
        outDir: `${buildDirectory}/client`,
        injectRegister: false,
        manifest: false,
        injectManifest: {
          // A classic script: registered without { type: "module" }, which older Safari lacks.
          rollupFormat: "iife",
          // The worker is built on its own, without the plugins above: it needs the "~/" paths too (a plugin of its own, as the option asks).
          buildPlugins: { vite: [tsconfigPaths()] },
          // The icons and the manifest only: the worker keeps the fingerprinted assets as pages use them (app/sw.ts says why).
          globPatterns: ["*.{ico,png,svg,webmanifest}"],
        },
      }),
  ],
});
