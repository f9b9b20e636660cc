import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The layers point one way: entry points (routes, the sidecar, the worker) →
// the request layer (app/server) → models (domain verbs) → utils (database,
// env, mail, crypto). Components render what routes hand them: they may use
// utils and the pure (not *.server) modules of models, nothing above.
// Within one layer anything goes (a model may use another domain's model).
const layers = [
  { type: "route", pattern: "app/routes", partialMatch: false },
  { type: "server", pattern: "app/server", partialMatch: false },
  { type: "model", pattern: "app/models", partialMatch: false },
  { type: "util", pattern: "app/utils", partialMatch: false },
  { type: "component", pattern: "app/components", partialMatch: false },
  { type: "prisma-client", pattern: "app/generated", partialMatch: false },
  { type: "realtime", pattern: "realtime", partialMatch: false },
  { type: "jobs", pattern: "jobs", partialMatch: false },
  // What is left in app/: root.tsx (the root route) and entry.server.tsx.
  { type: "route", pattern: "app", partialMatch: false },
];

// Modules named *.server.ts never reach the browser; the sidecar's contract
// (typed events and zod payload schemas) is shared with it.
const fileKinds = [
  { category: "isomorphic", pattern: "**/*.{ts,tsx}" },
  { category: "server-only", pattern: "**/*.server.{ts,tsx}", exclusive: true },
  { category: "wire-contract", pattern: "realtime/contract.ts" },
];

const layer = (...types) => ({ element: { types: { anyOf: types } } });
const browserSafe = (...types) => ({ ...layer(...types), file: { categories: "isomorphic" } });

const layerPolicies = [
  { from: layer("route"), allow: { to: layer("route", "server", "model", "util", "component", "prisma-client") } },
  { from: layer("realtime", "jobs"), allow: { to: layer("server", "model", "util", "prisma-client") } },
  { from: layer("server"), allow: { to: layer("model", "util", "prisma-client") } },
  { from: layer("model"), allow: { to: layer("util", "prisma-client") } },
  { from: layer("util"), allow: { to: layer("prisma-client") } },
  {
    from: layer("component"),
    allow: [{ to: browserSafe("util", "model", "prisma-client") }, { to: { element: { type: "realtime" }, file: { categories: "wire-contract" } } }],
  },
];

export default tseslint.config(
  { ignores: ["build/", "build-*/", "app/generated/", ".data/", "test-results/", "playwright-report/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "realtime/**/*.ts", "jobs/**/*.ts"],
    // Tests and fixtures set up whole journeys (a route test signs in, seeds a
    // program, reads mail), so they may reach across layers.
    ignores: ["**/*.test.{ts,tsx}", "**/*.fixture.ts", "realtime/test-support.ts"],
    plugins: { boundaries },
    settings: {
      // Resolves the ~/ alias (app/) as tsconfig.json does.
      "import/resolver": { typescript: { project: "./tsconfig.json" } },
      "boundaries/elements": layers,
      "boundaries/files": fileKinds,
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message: "A {{from.type}} may not import a {{to.type}} ({{to.elementPath}}): layers point one way, routes → app/server → app/models → app/utils; components use utils and pure (not *.server) models only.",
          policies: layerPolicies,
        },
      ],
    },
  },
);
